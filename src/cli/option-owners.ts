/**
 * Which command takes which option, for the message about an option given to a command that does not take it
 * (`simulate --url` → "--url is an explain option"). A literal table rather than the commands' own specs:
 * validate, explain and lint are bundled without the other commands, so a usage error cannot load them.
 * test/cli/option-owners.test.ts checks the table against every command's options.
 */
const POLICY = ['explain', 'lint', 'simulate', 'diff'] as const;
const REPLAY = ['simulate', 'diff'] as const;
const REQUEST = ['explain'] as const;

export const OPTION_OWNERS: Readonly<Record<string, readonly string[]>> = {
  policy: ['explain', 'simulate', 'diff'],
  deckhouse: POLICY,
  'no-basic': POLICY,
  'built-in-rules': POLICY,
  'extra-service-account': POLICY,
  'kubernetes-version': ['validate', ...POLICY],
  'max-policy-bytes': ['validate', ...POLICY],
  url: REQUEST,
  kubectl: REQUEST,
  user: REQUEST,
  group: REQUEST,
  unauthenticated: REQUEST,
  verb: REQUEST,
  resource: REQUEST,
  subresource: REQUEST,
  'api-group': REQUEST,
  'api-version': REQUEST,
  namespace: REQUEST,
  name: REQUEST,
  path: REQUEST,
  expect: REQUEST,
  strict: ['lint'],
  quiet: ['lint'],
  ignore: ['lint'],
  'max-size-mb': REPLAY,
  'max-backups': REPLAY,
  'max-age-days': REPLAY,
  truncate: REPLAY,
  'no-truncate': REPLAY,
  'truncate-max-event-bytes': REPLAY,
  'audit-log-output': REPLAY,
  'container-log-max-size': REPLAY,
  'container-log-max-files': REPLAY,
  jobs: REPLAY,
  top: REPLAY,
  'allow-malformed-logs': REPLAY,
  format: ['diff'],
};

// validate checks whether the cluster accepts a file as it is; these options describe the merge Deckhouse
// makes, which validate does not evaluate. A dist/ file's own ModuleConfig and ConfigMaps state that merge.
const VALIDATE_MERGE_NOTES: Readonly<Record<string, string>> = {
  deckhouse:
    'validate checks that kube-apiserver and Deckhouse accept the file as it is; the merge with the built-in ' +
    "rules is evaluated by lint/explain/simulate/diff --deckhouse (for a dist/ file its ModuleConfig's " +
    'basicAuditPolicyEnabled and auditPolicyEnabled decide it): run deckhouse-audit lint --deckhouse FILE',
  'no-basic':
    "validate does not merge built-in rules, so there is nothing to turn off; a dist/ file's ModuleConfig " +
    'states basicAuditPolicyEnabled itself: run deckhouse-audit lint --deckhouse FILE to see the merge',
  'extra-service-account':
    'validate does not merge the built-in ServiceAccount rule; to add a ServiceAccount on the cluster, put a ' +
    'ConfigMap labelled control-plane-manager.deckhouse.io/extra-audit-policy-config: "" in the file ' +
    '(validate checks it), or pass --extra-service-account to lint/explain/simulate/diff --deckhouse',
  'built-in-rules':
    "validate checks a custom policy; to check a cluster's merged policy file, run deckhouse-audit lint " +
    '--built-in-rules MERGED',
  policy: 'validate takes its files as arguments: deckhouse-audit validate FILE',
};

/**
 * What to tell a user who gave `--option` to `command`, which does not take it: the command(s) that do,
 * and for validate why the merge options do not apply. Undefined for an option no command takes.
 */
export function foreignOptionHint(command: string, option: string): string | undefined {
  if (command === 'validate' && VALIDATE_MERGE_NOTES[option] !== undefined) {
    return `validate does not take --${option}: ${VALIDATE_MERGE_NOTES[option]}`;
  }
  if (command === 'lint' && option === 'policy') {
    return 'lint takes the policy as its argument, not --policy: deckhouse-audit lint [--deckhouse] FILE';
  }
  const owners = OPTION_OWNERS[option]?.filter((c) => c !== command);
  if (owners === undefined || owners.length === 0) return undefined;
  const list = owners.length === 1 ? owners[0] : `${owners.slice(0, -1).join(', ')} or ${owners.at(-1)}`;
  const article = /^[aeiou]/.test(list) ? 'an' : 'a';
  return `--${option} is ${article} ${list} option; ${command} does not take it (see deckhouse-audit ${owners[0]} --help)`;
}
