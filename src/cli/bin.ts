#!/usr/bin/env node
/** Entry point of the `gridframe` executable (package.json `bin`). @module */
import { main } from './main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
