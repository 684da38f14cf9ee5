'use strict';
// One measurement of `npm run bench:replay` (bench/replay.bench.ts), in a process of its own so its peak
// resident memory is its own. Plain JavaScript run by plain `node`: it loads the compiled package (lib/, which
// the parent builds) as a library user or the CLI does, with no TypeScript loader in the measured process,
// and simulate's worker threads run lib/'s replay-worker.js.
// Usage: node bench/replay-child.js baseline|simulate FILE deckhouse|gce POLICY_FILE 1|auto
// Prints one JSON line: ms, cpuMs, maxRssMB, lines and, for simulate, jobs, written and a digest of the counts.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const lib = (module) => require(path.join(__dirname, '..', 'lib/src', module));

async function main([mode, file, policyName, policyFile, jobs]) {
  // Loading the package is start-up, not replay: done before the clock starts.
  const loaded =
    mode === 'simulate'
      ? {
          simulate: lib('replay/index').simulate,
          deckhouseEffectivePolicy: lib('deckhouse/effective').deckhouseEffectivePolicy,
          loadPolicy: lib('policy/parse').loadPolicy,
        }
      : undefined;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = {};
  if (mode === 'baseline') {
    let lines = 0;
    const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    for await (const line of rl) {
      if (line.length > 0) {
        JSON.parse(line);
        lines++;
      }
    }
    result.lines = lines;
  } else if (mode === 'simulate') {
    let policy;
    if (policyName === 'deckhouse') {
      policy = loaded.deckhouseEffectivePolicy();
    } else {
      const parsed = loaded.loadPolicy(fs.readFileSync(policyFile, 'utf8'));
      if (!parsed.policy) throw new Error(`${policyFile}: ${parsed.errors.map((e) => e.message).join('; ')}`);
      policy = parsed.policy;
    }
    const report = await loaded.simulate([file], {
      policy,
      ...(jobs === 'auto' ? {} : { jobs: Number(jobs) }),
    });
    result.lines = report.lines;
    result.jobs = report.sources[0].threads;
    result.written = report.written.events;
    result.writtenBytes = report.written.bytes;
    // The digest covers every count and byte, not the inputs' names and sizes.
    const counts = { ...report, sources: undefined };
    result.digest = crypto.createHash('sha256').update(JSON.stringify(counts)).digest('hex').slice(0, 16);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  result.ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  result.cpuMs = (used.user + used.system) / 1000;
  result.maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(result) + '\n');
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + '\n');
  process.exit(1);
});
