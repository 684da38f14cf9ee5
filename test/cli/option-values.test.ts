import { fixture, runInProcess } from './helpers';

// node:util parseArgs keeps the last value of a repeated option and accepts '' as a value: both would run the
// command on something else than the user wrote, so both are usage errors (exit 2) that name the option.
describe('option values the command line cannot mean', () => {
  const policy = fixture('policy.yaml');

  test.each([
    [
      'a single-value option twice',
      ['explain', '--policy', policy, '--policy', 'other.yaml', '--url', '/api/v1/pods'],
      `--policy was given twice ('${policy}' and 'other.yaml'); it takes one value: keep one`,
    ],
    [
      'simulate with two policies (the comparison is diff)',
      ['simulate', '--policy', policy, '--policy', 'other.yaml', 'audit.log'],
      `--policy was given twice ('${policy}' and 'other.yaml'); it takes one value: keep one, or compare the ` +
        'two: deckhouse-audit diff --policy A --policy B LOG...',
    ],
    [
      'a short and a long spelling of one option',
      ['explain', '--policy', policy, '-n', 'a', '--namespace=b', '--verb', 'list', '--resource', 'pods'],
      "--namespace was given twice ('a' and 'b')",
    ],
    [
      '--policy= (an unset shell variable)',
      ['explain', '--policy=', '--url', '/api/v1/pods'],
      '--policy was given an empty value; give it a FILE, or leave the option out',
    ],
    [
      'an empty number',
      ['simulate', '--policy', policy, '--max-size-mb', '', 'x.log'],
      '--max-size-mb was given an empty value',
    ],
    ['an empty repeatable value', ['lint', '--ignore=', policy], '--ignore was given an empty value'],
    [
      'an option followed by another option instead of its value',
      ['explain', '--policy', '--url', '/api/v1/pods'],
      '--policy needs a value but is followed by an option',
    ],
    [
      'an option as the last word',
      ['validate', policy, '--kubernetes-version'],
      '--kubernetes-version needs a value and is the last word of the command line',
    ],
    [
      'a mistyped finding code to ignore (it would ignore nothing)',
      ['lint', '--ignore', 'partialy-shadowed-rule', policy],
      '--ignore partialy-shadowed-rule: no finding has this code; did you mean partially-shadowed-rule?',
    ],
    ['a mis-cased option', ['validate', '--Json', policy], "Unknown option '--Json'; did you mean --json?"],
  ])('%s', async (_name, argv, message) => {
    const run = await runInProcess(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  test('a repeatable option may be repeated, and --api-group "" is the core group', async () => {
    const run = await runInProcess([
      'explain',
      '--policy',
      policy,
      '--group',
      'a',
      '--group',
      'b',
      '--api-group',
      '',
      '--verb',
      'list',
      '--resource',
      'pods',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
