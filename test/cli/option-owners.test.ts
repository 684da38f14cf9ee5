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
