// Team worker entry when gridframe runs from its TypeScript sources (vitest, tsx): worker threads do
// not inherit the parent's TypeScript loader, so register tsx here, then load the real entry.
// The compiled package (dist/) starts team-worker.js directly and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./team-worker.ts');
