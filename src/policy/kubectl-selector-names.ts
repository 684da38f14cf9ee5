import { KubectlFlags } from './kubectl-flags';
import { displayWords } from './kubectl-command-line';
import { RequestSpecError } from './request-spec-error';

// Object names together with a selector: kubectl refuses the pair before it sends anything. The commands built
// on cli-runtime's resource.Builder fail in Builder.visitBySelector (a selector, or delete's --all, which
// SelectAllParam turns into the match-everything selector): names given as TYPE NAME meet "name cannot be
// provided when a selector is specified", names given as TYPE/NAME (and the Nodes of cordon, uncordon and
// drain, which ResourceNames makes TYPE/NAME tuples) meet "selectors and the all flag cannot be used when
// passing resource/name arguments". top pod and top node check it in their own Validate. (taint is not here:
// taint.go drops its Node names when -l is given; logs has its own message, in kubectl-logs.ts.)

const BY_NAME = 'name cannot be provided when a selector is specified';
const BY_TUPLE = 'selectors and the all flag cannot be used when passing resource/name arguments';
const TOP = 'only one of NAME or selector can be provided';

/** A label=value or label- word of label, annotate, set image and set env (cmdutil.GetResourcesAndPairs). */
const isPair = (word: string) => word.includes('=') || word.endsWith('-');

/** The words of the command that name objects: TYPE, NAME, TYPE/NAME (undefined: not a builder command). */
function objectWords(verb: string, args: readonly string[]): readonly string[] | undefined {
  switch (verb) {
    case 'get':
    case 'describe':
    case 'delete':
    case 'scale':
    case 'wait':
      return args;
    case 'label':
    case 'annotate':
      return args.filter((a) => !isPair(a));
    case 'rollout':
      return args.slice(1);
    case 'set': {
      const rest = args.slice(1);
      if (args[0] === 'image' || args[0] === 'env') return rest.filter((a) => !isPair(a));
      // set serviceaccount ... SERVICE_ACCOUNT, set selector ... EXPRESSIONS: the last word is not an object.
      if (args[0] === 'serviceaccount' || args[0] === 'sa' || args[0] === 'selector')
        return rest.slice(0, -1);
      return rest;
    }
    default:
      return undefined;
  }
}

function selectorText(flags: KubectlFlags, verb: string): string | undefined {
  if (flags.labelSelector !== undefined) return `-l ${flags.labelSelector}`;
  if (flags.fieldSelector !== undefined) return `--field-selector ${flags.fieldSelector}`;
  return verb === 'delete' && flags.all ? '--all' : undefined;
}

/** Throws kubectl's refusal when object names come with a selector (or delete's --all). */
export function refuseNamesWithSelector(verb: string, args: readonly string[], flags: KubectlFlags): void {
  const selector = selectorText(flags, verb);
  if (selector === undefined) return;
  let names: readonly string[];
  let message: string;
  if (verb === 'top') {
    names = args.slice(1);
    message = TOP;
  } else if (verb === 'cordon' || verb === 'uncordon' || verb === 'drain') {
    names = args;
    message = BY_TUPLE;
  } else {
    const words = objectWords(verb, args);
    if (words === undefined || words.length === 0) return;
    const tuples = words.filter((w) => w.includes('/'));
    names = tuples.length > 0 ? tuples : words.slice(1);
    message = tuples.length > 0 ? BY_TUPLE : BY_NAME;
  }
  if (names.length === 0) return;
  const command = verb === 'top' || verb === 'rollout' || verb === 'set' ? `${verb} ${args[0]}` : verb;
  throw new RequestSpecError(
    `kubectl refuses "${command}" with both the name ${displayWords(names)} and ${selector} ("${message}") and ` +
      `sends nothing: leave out ${displayWords(names)} to act on what ${selector} selects, or ${selector} to ` +
      'act on the named object',
  );
}

// --all with a selector, refused before anything is sent: delete's builder (SelectAllParam, in Complete, which
// runs before Validate), label's and annotate's Validate, set resources' and set subject's Validate, taint's
// validateFlags (which knows -l only).
const ALL_WITH_SELECTOR: Record<string, { label: string; field?: string }> = {
  delete: {
    label: "setting 'all' parameter but found a non empty selector. ",
    field: "setting 'all' parameter but found a non empty selector. ",
  },
  label: {
    label: 'cannot set --all and --selector at the same time',
    field: 'cannot set --all and --field-selector at the same time',
  },
  annotate: {
    label: 'cannot set --all and --selector at the same time',
    field: 'cannot set --all and --field-selector at the same time',
  },
  'set resources': { label: 'cannot set --all and --selector at the same time' },
  'set subject': { label: 'cannot set --all and --selector at the same time' },
  taint: { label: "setting 'all' parameter with a non empty selector is prohibited" },
};

/** Throws kubectl's refusal of --all together with -l or --field-selector. */
export function refuseAllWithSelector(verb: string, args: readonly string[], flags: KubectlFlags): void {
  if (!flags.all) return;
  const command = verb === 'set' ? `set ${args[0] ?? ''}` : verb;
  const messages = Object.hasOwn(ALL_WITH_SELECTOR, command) ? ALL_WITH_SELECTOR[command] : undefined;
  if (messages === undefined) return;
  const byLabel = flags.labelSelector !== undefined;
  const message = byLabel ? messages.label : flags.fieldSelector !== undefined ? messages.field : undefined;
  if (message === undefined) return;
  const selector = byLabel ? `-l ${flags.labelSelector}` : `--field-selector ${flags.fieldSelector}`;
  throw new RequestSpecError(
    `kubectl refuses "${command}" with both --all and ${selector} ("${message.trim()}") and sends nothing: ` +
      `leave out --all to act on what ${selector} selects, or ${selector} to act on every object`,
  );
}
