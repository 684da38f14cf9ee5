#!/usr/bin/env node
'use strict';
// Node ≥ 22.1 keeps compiled code between runs for the modules loaded the ordinary way (the launcher, and the
// unbundled fallback); the bundled CLI has its own code cache (src/cli/launch.ts).
// (module.constructor is node:module's Module, which carries enableCompileCache.)
if (typeof module.constructor.enableCompileCache === 'function') module.constructor.enableCompileCache();
let launcher;
try {
  launcher = require('../lib/src/cli/launch.js');
} catch (err) {
  // A checkout has no lib/ until it is built (the packed package ships it): say so, not a module-not-found trace.
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('launch.js')) {
    const root = require('path').resolve(__dirname, '..');
    process.stderr.write(
      `deckhouse-audit: the CLI is not built: ${root}/lib/src/cli/launch.js is missing. Fix: run \`npm run build\` in ${root}\n`,
    );
    process.exit(2);
  }
  throw err;
}
launcher.launch(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`deckhouse-audit: internal error: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  },
);
