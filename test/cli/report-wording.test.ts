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

describe('By stage: in the simulate report', () => {
  // The fixture log holds 1 RequestReceived, 1 ResponseStarted and 6 ResponseComplete events (its "stage"
  // members); a Policy of one Metadata rule writes them all.
  const METADATA_ALL = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n';

  test('breaks the written events down by stage when other stages than ResponseComplete weigh', async () => {
    const run = await runInProcess(['simulate', '--policy', '-', fixture('audit.log')], {
      stdin: METADATA_ALL,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^By stage: {2}RequestReceived 1 event, .*; ResponseStarted 1 event, .*; ResponseComplete 6 events, .* \(omitStages in the Policy or a PolicyRule drops a stage's events\)$/m,
    );
  });

  test('is left out when the Policy omits the other stages', async () => {
    const policy = METADATA_ALL.replace('rules:', 'omitStages: [RequestReceived, ResponseStarted]\nrules:');
    const run = await runInProcess(['simulate', '--policy', '-', fixture('audit.log')], { stdin: policy });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('By stage:');
  });
});

describe('the events omitStages keeps out', () => {
  test('are counted with their noun, per stage', async () => {
    // policy.yaml omits RequestReceived; the fixture log holds one RequestReceived event.
    const run = await runInProcess(['simulate', '--policy', fixture('policy.yaml'), fixture('audit.log')]);
    expect(run.stdout).toContain('Not written because of omitStages: RequestReceived 1 event\n');
  });
});
