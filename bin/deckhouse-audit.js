#!/usr/bin/env node
'use strict';
// Node ≥ 22.1 keeps compiled code between runs (start-up is mostly compiling the engine and `yaml`); older
// Node has no such cache, and the CLI then relies on loading each command's modules only when it runs.
const { enableCompileCache } = require('node:module');
if (typeof enableCompileCache === 'function') enableCompileCache();
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
