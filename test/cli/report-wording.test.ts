import { readFileSync } from 'node:fs';
import { fixture, runInProcess } from './helpers';

// The first line of the fixture log is one get of a Pod by alice, which the catch-all rule of policy.yaml
// writes at Metadata.
const ONE_EVENT = readFileSync(fixture('audit.log'), 'utf8').split('\n')[0] + '\n';

describe('report wording for one event', () => {
  test('simulate says "1 event" and names what is unknown for a log that spans no time', async () => {
    const run = await runInProcess(['simulate', '--policy', fixture('policy.yaml'), '-'], {
      stdin: ONE_EVENT,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Written: {3}1 event, \d+ B, bytes\/day unknown \(the log spans no time\)$/m);
  });

  test('diff says "1 event" in its Log line', async () => {
    const run = await runInProcess(
      ['diff', '--policy', fixture('policy.yaml'), '--policy', fixture('policy.yaml'), '-'],
      { stdin: ONE_EVENT },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Log: <stdin> (1 event)\n');
  });
});
