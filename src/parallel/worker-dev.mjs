// Worker entry when gridframe runs from its TypeScript sources (vitest, tsx): worker threads do not
// inherit the parent's TypeScript loader, so register tsx here, then load the real entry.
// The compiled package (dist/) uses worker.js directly and never loads this file.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./worker.ts');

export default mod.default;
