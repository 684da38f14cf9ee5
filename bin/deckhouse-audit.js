#!/usr/bin/env node
'use strict';
// Node ≥ 22.1 keeps compiled code between runs for the modules loaded the ordinary way (the launcher, and the
// unbundled fallback); the bundled CLI has its own code cache (src/cli/launch.ts).
// (module.constructor is node:module's Module, which carries enableCompileCache.)
if (typeof module.constructor.enableCompileCache === 'function') module.constructor.enableCompileCache();
require('../lib/src/cli/launch.js')
  .launch(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`deckhouse-audit: internal error: ${err && err.message ? err.message : err}\n`);
      process.exitCode = 2;
    },
  );
