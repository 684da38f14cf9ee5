import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { checkAssertions } from '../../src/policy/assertions';
import { Level } from '../../src/policy/types';
import { fixture, runInProcess } from './helpers';

// A mistyped name on the command line or in an assertion gets the name meant, not only the list of names.
describe('did-you-mean for mistyped names on the command line', () => {
  test('lint --ignore with a mistyped code is a usage error naming the code meant', async () => {
    const run = await runInProcess(['lint', '--ignore', 'shadowed-rul', fixture('policy.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--ignore shadowed-rul: no finding has this code; did you mean shadowed-rule?',
    );
  });

  test('a mistyped command gets the command meant', async () => {
    const run = await runInProcess(['simulat', '--deckhouse', fixture('audit.log')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("deckhouse-audit: unknown command 'simulat'; did you mean 'simulate'?");
  });

  test('a mistyped kubectl subcommand in --kubectl gets the kubectl command meant', async () => {
    const gte = await runInProcess(['explain', '--deckhouse', '--kubectl', 'gte pods -n prod']);
    expect(gte.code).toBe(2);
    expect(gte.stderr).toContain('unknown command "gte"; did you mean "get"?');
    const exce = await runInProcess(['explain', '--deckhouse', '--kubectl', 'exce web-0 -n prod -- sh']);
    expect(exce.stderr).toContain('unknown command "exce"; did you mean "exec"?');
  });
});

describe('did-you-mean for mistyped levels and outputs', () => {
  test('explain --expect with a mistyped level', async () => {
    const run = await runInProcess(['explain', '--deckhouse', '--url', 'GET /api', '--expect', 'Requets']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("got 'Requets'; did you mean Request?");
  });

  test('simulate --audit-log-output in the wrong case', async () => {
    const run = await runInProcess([
      'simulate',
      '--deckhouse',
      '--audit-log-output',
      'stdout',
      fixture('audit.log'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("got 'stdout'; did you mean Stdout?");
  });

  test("an assertion's mistyped layer", () => {
    expect(() =>
      checkAssertions(deckhouseEffectivePolicy({}), [
        { request: 'exec web-0 -- sh', level: 'None', decidedBy: { layer: 'basik' as 'basic' } },
      ]),
    ).toThrow('is not a layer; use one of basic, virtualization, custom, tail; did you mean basic?');
  });

  test("an assertion's mistyped level", () => {
    expect(() =>
      checkAssertions(deckhouseEffectivePolicy({}), [
        { request: 'exec web-0 -- sh', atLeast: 'Requets' as Level },
      ]),
    ).toThrow(
      'assertions[0].atLeast: "Requets" is not a level; use one of None, Metadata, Request, RequestResponse (exact case); did you mean Request?',
    );
  });
});

describe('the command line around the command name', () => {
  test('help with a mistyped command gets the command meant', async () => {
    const run = await runInProcess(['help', 'expalin']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'expalin'; did you mean 'explain'?");
  });

  test('an option before the command says that options go after it', async () => {
    const run = await runInProcess(['--deckhouse', 'lint']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "unknown option '--deckhouse' before the command: options go after it (deckhouse-audit lint --deckhouse ...)",
    );
  });
});

describe('diff --format', () => {
  test('md and a cut-short name get the format meant', async () => {
    for (const [given, meant] of [
      ['md', 'markdown'],
      ['Markdown', 'markdown'],
      ['tab', 'table'],
    ]) {
      const run = await runInProcess([
        'diff',
        '--deckhouse',
        '--policy',
        fixture('policy.yaml'),
        '--format',
        given,
        fixture('audit.log'),
      ]);
      expect({ given, code: run.code }).toEqual({ given, code: 2 });
      expect(run.stderr).toContain(`got '${given}'; did you mean ${meant}?`);
    }
  });
});
