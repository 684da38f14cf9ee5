import { mulberry32, pick } from '../support/seeded-random';
import { fixture, runInProcess } from './helpers';

// Property: whatever the command line, the CLI exits 0, 1 or 2, never prints a stack trace or an internal
// error, and with --json (before a `--`) prints exactly one JSON document on stdout.

const WORDS = [
  'validate',
  'explain',
  'lint',
  'simulate',
  'diff',
  'help',
  'frobnicate',
  '',
  '-',
  '--',
  '--json',
  '--json=1',
  '--help',
  '-h',
  '--version',
  '-V',
  '--deckhouse',
  '--no-basic',
  '--strict',
  '--quiet',
  '--policy',
  '--url',
  '--kubectl',
  '--verb',
  '--resource',
  '--path',
  '--user',
  '--group',
  '--unauthenticated',
  '--namespace',
  '-n',
  '--max-age-days',
  '--max-size-mb',
  '--max-backups',
  '--top',
  '--truncate',
  '--truncate-max-event-bytes',
  '--kubernetes-version',
  '--max-policy-bytes',
  '--format',
  '--ignore',
  '--expect',
  '--extra-service-account',
  '--subresource',
  '--api-group',
  '--name',
];
const VALUES = [
  fixture('policy.yaml'),
  fixture('secret.yaml'),
  fixture('invalid-policy.yaml'),
  fixture('dist-basic-off.yaml'),
  fixture('secret-data-and-stringdata.yaml'),
  fixture('module-config-only.yaml'),
  fixture('audit.log'),
  fixture('audit.log.gz'),
  'nope.yaml',
  '0x10',
  '1e3',
  '-1',
  '16',
  '0',
  '1.5',
  ' 7',
  'Infinity',
  '1.36',
  '1.31',
  'v1.35.2',
  'latest',
  'GET /api/v1/pods',
  'FOO /x',
  'GET',
  '/healthz',
  'get pods -n x',
  'exec web-0 -n prod',
  'pods/exec',
  'secrets',
  'alice',
  'system:serviceaccount:a:b',
  'Request',
  'Bogus',
  'markdown',
  'table',
  'shadowed-rule',
  '\u001b[31mred\u001b[0m',
  'x'.repeat(3000),
  'ü',
  '\u0000',
];

function randomArgv(rng: () => number): string[] {
  const argv: string[] = [];
  const length = Math.floor(rng() * 9);
  for (let i = 0; i < length; i++) argv.push(rng() < 0.55 ? pick(rng, WORDS) : pick(rng, VALUES));
  // Most real command lines start with a command.
  if (rng() < 0.8) argv.unshift(pick(rng, ['validate', 'explain', 'lint', 'simulate', 'diff']));
  return argv;
}

function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

const STACK_FRAME = /\n\s+at .+:\d+:\d+\)?/;

describe('the command line, fuzzed', () => {
  const rng = mulberry32(20240613);
  const cases = Array.from({ length: 250 }, () => randomArgv(rng));
  cases.push(
    [],
    ['--json'],
    ['--json', '--json'],
    ['validate', '--json'],
    ['--version', '--json'],
    ['help', 'x', '--json'],
  );

  test('every vector exits 0, 1 or 2, without a stack trace; --json gives exactly one JSON document', async () => {
    for (const argv of cases) {
      const run = await runInProcess(argv);
      const where = JSON.stringify(argv).slice(0, 300);
      expect({ argv: where, code: [0, 1, 2].includes(run.code) }).toEqual({ argv: where, code: true });
      expect({ argv: where, trace: STACK_FRAME.test(run.stdout + run.stderr) }).toEqual({
        argv: where,
        trace: false,
      });
      expect({ argv: where, internal: /internal error/.test(run.stderr) }).toEqual({
        argv: where,
        internal: false,
      });
      if (wantsJson(argv)) {
        let documents: string;
        try {
          documents = typeof JSON.parse(run.stdout) === 'object' ? 'one' : 'not an object';
        } catch {
          documents = run.stdout === '' ? 'none' : 'not exactly one';
        }
        expect({ argv: where, documents }).toEqual({ argv: where, documents: 'one' });
      }
    }
  }, 120_000);
});

describe('the samples of the kind', () => {
  test('deckhouse-audit --json (no command): one JSON document naming the usage error, exit 2', async () => {
    const run = await runInProcess(['--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: { kind: 'usage', message: 'no command given' } });
    expect(run.stderr).toMatch(/^Usage: deckhouse-audit <command>/);
  });

  test("--url 'FOO /x' (a method kube-apiserver would give the empty verb) is a usage error, exit 2", async () => {
    const run = await runInProcess(['explain', '--deckhouse', '--url', 'FOO /x', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { kind: 'usage', message: expect.stringMatching(/^--url: unknown HTTP method "FOO"/) },
    });
    expect(run.stderr).toMatch(/^deckhouse-audit explain: --url: unknown HTTP method "FOO"/);
  });

  test('--version and --help with --json are JSON too', async () => {
    expect(JSON.parse((await runInProcess(['--version', '--json'])).stdout)).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(JSON.parse((await runInProcess(['lint', '--help', '--json'])).stdout).help).toMatch(
      /^Usage: deckhouse-audit lint /,
    );
  });

  test.each(['0x10', '1e1', '+16', ' 16', '16 ', '16.', '.5', 'Infinity', '1_000', '１６'])(
    '--max-age-days %j is a usage error (plain decimal only)',
    async (value) => {
      const run = await runInProcess([
        'simulate',
        '--policy',
        fixture('policy.yaml'),
        `--max-age-days=${value}`,
        fixture('audit.log'),
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--max-age-days needs a non-negative number, got '${value}'`);
    },
  );

  test('--max-age-days 16 and 0.5 are read as decimal', async () => {
    for (const [value, days] of [
      ['16', 16],
      ['016', 16],
      ['0.5', 0.5],
    ] as const) {
      const run = await runInProcess([
        'simulate',
        '--json',
        '--policy',
        fixture('policy.yaml'),
        '--max-age-days',
        value,
        fixture('audit.log'),
      ]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).retention.rotation.maxAgeDays).toBe(days);
    }
  });
});
