#!/usr/bin/env node
'use strict';
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
