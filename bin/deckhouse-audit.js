#!/usr/bin/env node
'use strict';
// Node ≥ 22.1 keeps compiled code between runs (start-up is mostly compiling the engine and `yaml`); older
// Node has no such cache, and the CLI then relies on loading each command's modules only when it runs.
// (module.constructor is node:module's Module, which carries enableCompileCache.)
if (typeof module.constructor.enableCompileCache === 'function') module.constructor.enableCompileCache();
require('../lib/src/cli/main.js')
  .runCli(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`deckhouse-audit: internal error: ${err && err.message ? err.message : err}\n`);
      process.exitCode = 2;
    },
  );
