import { KubectlFlags } from './kubectl-flags';
import { RequestSpecError } from './request-spec-error';

// Write commands kubectl refuses in its Complete/Validate step, before it sends any request: the translation
// refuses them with kubectl's own message (quoted) and the fix, instead of answering with a request kubectl
// never makes. Each names its source file in staging/src/k8s.io/kubectl/pkg/cmd/.

/**
 * label.go / annotate.go Complete (no change) and parseLabels / validateAnnotations (a key both set and removed):
 * `objects` are `args` without the KEY=VALUE and KEY- words.
 */
export function refuseLabelWithoutChange(
  command: string,
  objects: readonly string[],
  args: readonly string[],
): void {
  if (objects.length === args.length && objects.length > 0) {
    throw new RequestSpecError(
      `kubectl refuses "${command}" without a change ("at least one ${command === 'label' ? 'label' : 'annotation'} update is required"): ` +
        `add KEY=VALUE or KEY- after the object, e.g. "${command} ${objects.join(' ')} team=web"`,
    );
  }
  const pairs = args.filter((a) => /=|-$/.test(a));
  if (command === 'label') for (const pair of pairs) refuseLabelSpec(pair);
  // label.go parseLabels / annotate.go validateAnnotations: one key both set and removed is refused.
  const set = new Set(pairs.filter((a) => a.includes('=')).map((a) => a.slice(0, a.indexOf('='))));
  const both = [
    ...new Set(pairs.filter((a) => !a.includes('=') && set.has(a.slice(0, -1))).map((a) => a.slice(0, -1))),
  ];
  if (both.length > 0) {
    const said =
      command === 'label'
        ? 'can not both modify and remove a label in the same command'
        : `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`;
    throw new RequestSpecError(
      `kubectl refuses "${command}" that sets and removes ${both.join(', ')} ("${said}"): keep either ` +
        `${both[0]}=VALUE or ${both[0]}-`,
    );
  }
}

// apimachinery validation.go IsValidLabelValue: at most 63 bytes, empty or alphanumeric at both ends with
// '-', '_', '.' between; its message is RegexError's with the examples it names.
const LABEL_VALUE_FORMAT = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FORMAT}$`);
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must " +
  "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for " +
  `validation is '${LABEL_VALUE_FORMAT}')`;

/**
 * label.go parseLabels on one KEY=VALUE word: more than one "=" and a value IsValidLabelValue refuses stop
 * kubectl before any request. The key is not checked there (annotate.go's cmdutil.ParsePairs checks neither
 * key nor value): a bad key reaches the API server, which refuses the PATCH with 422 after auditing it.
 */
function refuseLabelSpec(pair: string): void {
  if (!pair.includes('=')) return;
  const parts = pair.split('=');
  if (parts.length !== 2) {
    throw new RequestSpecError(
      `kubectl refuses "label" with ${JSON.stringify(pair)} ("invalid label spec: ${pair}"): write one "=" ` +
        'between the key and the value (a label value cannot contain "=")',
    );
  }
  const value = parts[1];
  const errors = [
    ...(Buffer.byteLength(value, 'utf8') > 63 ? ['must be no more than 63 characters'] : []),
    ...(LABEL_VALUE.test(value) ? [] : [LABEL_VALUE_MESSAGE]),
  ];
  if (errors.length > 0) {
    throw new RequestSpecError(
      `kubectl refuses "label" with ${JSON.stringify(pair)} ("invalid label value: ${JSON.stringify(pair)}: ` +
        `${errors.join(';')}"): give a value of at most 63 letters, digits, '-', '_' or '.', starting and ` +
        'ending with a letter or digit (or empty), or use "annotate" for free text',
    );
  }
}

/** patch.go Validate tests the values: an empty -p '' is no patch, and a patch and a patch file exclude each other. */
export function refusePatchWithoutPatch(args: readonly string[], flags: KubectlFlags): void {
  const inline = ['-p', '--patch'].some((f) => (flags.values.get(f) ?? '') !== '');
  const file = (flags.values.get('--patch-file') ?? '') !== '';
  if (inline && file) {
    throw new RequestSpecError(
      'kubectl refuses "patch" with both a patch and a patch file ("cannot specify --patch and --patch-file ' +
        'together"): keep one of -p/--patch and --patch-file',
    );
  }
  if (!inline && !file) {
    throw new RequestSpecError(
      'kubectl refuses "patch" without a patch ("must specify --patch or --patch-file containing the contents ' +
        `of the patch"): add -p, e.g. "patch ${args.join(' ')} -p '{"spec":{"replicas":2}}'"`,
    );
  }
}

/** scale.go Validate (Replicas and CurrentReplicas default to -1; both flags are pflag's IntVar). */
export function refuseScaleWithoutReplicas(flags: KubectlFlags): void {
  if (!flags.given.has('--replicas')) {
    throw new RequestSpecError(
      'kubectl refuses "scale" without --replicas ("The --replicas=COUNT flag is required, and COUNT must be ' +
        'greater than or equal to 0"): add --replicas=N',
    );
  }
  if (goIntFlag(flags, '--replicas', 64, -1) < 0) {
    throw new RequestSpecError(
      `kubectl refuses "scale --replicas=${flags.values.get('--replicas')}" ("The --replicas=COUNT flag is ` +
        'required, and COUNT must be greater than or equal to 0"): give --replicas=0 or more',
    );
  }
  // --current-replicas is an IntVar defaulting to -1 (no precondition); scale.go Validate refuses below that.
  if (goIntFlag(flags, '--current-replicas', 64, -1) < -1) {
    throw new RequestSpecError(
      `kubectl refuses "scale --current-replicas=${flags.values.get('--current-replicas')}" ("The ` +
        '--current-replicas must specify an integer of -1 or greater"): give the replica count the object ' +
        'must have now (0 or more), or leave the flag out',
    );
  }
}

/**
 * scale.go RunScale sets a precondition (GET of the scale, then PUT) only when --current-replicas is not its
 * default -1 or --resource-version is not empty; otherwise the scaler sends a blind merge PATCH.
 */
export function scaleHasPrecondition(flags: KubectlFlags): boolean {
  return (
    goIntFlag(flags, '--current-replicas', 64, -1) !== -1 ||
    (flags.values.get('--resource-version') ?? '') !== ''
  );
}

/** set/set_image.go Validate: `rest` are the words after `set image`. */
export function refuseSetImageWithoutChange(rest: readonly string[]): void {
  if (!rest.some((w) => w.includes('='))) {
    throw new RequestSpecError(
      'kubectl refuses "set image" without a change ("at least one image update is required"): add ' +
        `CONTAINER=IMAGE, e.g. "set image ${rest.join(' ') || 'deploy/web'} app=nginx:1.27"`,
    );
  }
}

/** autoscale.go Validate (Max and Min default to -1; both flags are pflag's Int32Var). */
export function refuseAutoscaleWithoutMax(flags: KubectlFlags): void {
  if (!flags.given.has('--max')) {
    throw new RequestSpecError(
      'kubectl refuses "autoscale" without --max ("--max=MAXPODS is required and must be at least 1, max: -1"): ' +
        'add --max=N',
    );
  }
  const max = goIntFlag(flags, '--max', 32, -1);
  const min = goIntFlag(flags, '--min', 32, -1);
  if (max < 1) {
    throw new RequestSpecError(
      `kubectl refuses "autoscale --max=${flags.values.get('--max')}" ("--max=MAXPODS is required and must be ` +
        `at least 1, max: ${max}"): give --max=1 or more`,
    );
  }
  if (max < min) {
    throw new RequestSpecError(
      `kubectl refuses "autoscale" with --max below --min ("--max=MAXPODS must be larger or equal to ` +
        `--min=MINPODS, max: ${max}, min: ${min}"): raise --max to ${min} or lower --min`,
    );
  }
}

/**
 * A flag's value as pflag's IntVar/Int32Var reads it (strconv.ParseInt(s, 0, bits): an optional sign, then
 * decimal, or 0x/0o/0b/0 prefixed, "_" between digits), or `fallback` when the flag was not given. A value
 * pflag refuses is refused with its message.
 */
export function goIntFlag(flags: KubectlFlags, flag: string, bits: 32 | 64, fallback: number): number {
  const raw = flags.values.get(flag);
  if (raw === undefined) return fallback;
  const m =
    /^([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/.exec(
      raw,
    );
  const parse = `strconv.ParseInt: parsing ${JSON.stringify(raw)}`;
  if (!m) {
    throw new RequestSpecError(
      `kubectl refuses ${flag}=${raw} (invalid argument ${JSON.stringify(raw)} for "${flag}" flag: ${parse}: ` +
        `invalid syntax): give a whole number, e.g. ${flag}=3`,
    );
  }
  const digits = m[2].replace(/_/g, '');
  const big = /^0[xXbBoO]/.test(digits)
    ? BigInt(digits.toLowerCase())
    : digits.length > 1
      ? BigInt(digits.startsWith('0') ? `0o${digits.slice(1)}` : digits)
      : BigInt(digits);
  const value = m[1] === '-' ? -big : big;
  const limit = 1n << BigInt(bits - 1);
  if (value < -limit || value >= limit) {
    throw new RequestSpecError(
      `kubectl refuses ${flag}=${raw} (invalid argument ${JSON.stringify(raw)} for "${flag}" flag: ${parse}: ` +
        'value out of range): give a smaller number',
    );
  }
  return Number(value);
}
