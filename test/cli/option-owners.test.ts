import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { checkAssertions } from '../../src/policy/assertions';
import { Level } from '../../src/policy/types';
import { COMMON_OPTIONS } from '../../src/cli/args';
import { COMMANDS } from '../../src/cli/main';
import { OPTION_OWNERS } from '../../src/cli/option-owners';
import { fixture, runInProcess } from './helpers';

describe('an option given to a command that does not take it', () => {
  test('the table of owners lists exactly the options each command takes', async () => {
    const specs = await Promise.all(COMMANDS.map((c) => c.load()));
    const owners: Record<string, string[]> = {};
    for (const spec of specs) {
      for (const name of Object.keys(spec.options)) {
        if (name in COMMON_OPTIONS) continue;
        (owners[name] ??= []).push(spec.name);
      }
    }
    const table = Object.fromEntries(Object.entries(OPTION_OWNERS).map(([k, v]) => [k, [...v].sort()]));
    for (const list of Object.values(owners)) list.sort();
    expect(table).toEqual(owners);
  });

  test('simulate --url names explain, the command that takes it, as a usage error', async () => {
    const run = await runInProcess(['simulate', '--deckhouse', '--url', 'GET /api', fixture('audit.log')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'deckhouse-audit simulate: --url is an explain option; simulate does not take it (see deckhouse-audit explain --help)\n',
    );
  });

  test('explain --top names both replay commands', async () => {
    const run = await runInProcess(['explain', '--deckhouse', '--top', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--top is a simulate or diff option; explain does not take it');
  });

  test('validate beside a dist/ file with --deckhouse says where the merge is evaluated', async () => {
    const run = await runInProcess(['validate', fixture('dist-basic-on.yaml'), '--deckhouse', '--json']);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout) as { error: { kind: string; message: string } };
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(
      /^validate does not take --deckhouse: .*run deckhouse-audit lint --deckhouse FILE$/,
    );
  });

  test('validate --extra-service-account points at the extra-audit-policy-config ConfigMap', async () => {
    const run = await runInProcess([
      'validate',
      fixture('dist-basic-on.yaml'),
      '--extra-service-account',
      'x',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('control-plane-manager.deckhouse.io/extra-audit-policy-config: ""');
  });

  test('lint --policy says that lint takes the policy as its argument', async () => {
    const run = await runInProcess(['lint', '--policy', fixture('policy.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lint takes the policy as its argument, not --policy');
  });

  test('a misspelt option of the command itself still gets a did-you-mean', async () => {
    const run = await runInProcess(['lint', '--deckhous']);
    expect(run.stderr).toContain("Unknown option '--deckhous'; did you mean --deckhouse?");
  });
});

describe('did-you-mean for mistyped names on the command line', () => {
  test('lint --ignore with a mistyped code is a usage error naming the code meant', async () => {
    const run = await runInProcess(['lint', '--ignore', 'shadowed-rul', fixture('policy.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--ignore: "shadowed-rul" is not a lint code; did you mean "shadowed-rule"?',
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
