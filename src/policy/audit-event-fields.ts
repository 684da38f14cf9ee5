// The fields of an audit.k8s.io/v1 Event (k8s.io/apiserver/pkg/apis/audit/v1/types.go: Event, ObjectReference;
// k8s.io/api/authentication/v1 UserInfo), for checking the field paths of log-shipper filters and label
// templates: a misspelt path (`objectRef.resorce`) never matches, and a destination filtered on it receives
// nothing. Only the parts of a path these types fix are checked: a top-level name far from every Event field
// may be a field log-shipper adds, and below requestObject, responseObject, annotations and user.extra anything
// goes.
import { closestMatch } from './did-you-mean';

/** Top-level Event fields, in types.go order. */
export const AUDIT_EVENT_FIELDS: readonly string[] = [
  'kind',
  'apiVersion',
  'level',
  'auditID',
  'stage',
  'requestURI',
  'verb',
  'user',
  'impersonatedUser',
  'authenticationMetadata', // since Kubernetes 1.35 (constrained impersonation)
  'sourceIPs',
  'userAgent',
  'objectRef',
  'responseStatus',
  'requestObject',
  'responseObject',
  'requestReceivedTimestamp',
  'stageTimestamp',
  'annotations',
];

const USER_INFO = ['username', 'uid', 'groups', 'extra'];

/** The fields of the Event's objects whose own fields are fixed. */
const OBJECT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  user: USER_INFO,
  impersonatedUser: USER_INFO,
  objectRef: [
    'resource',
    'namespace',
    'name',
    'uid',
    'apiGroup',
    'apiVersion',
    'resourceVersion',
    'subresource',
  ],
  responseStatus: ['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code'],
};

/** `sourceIPs[0]` → `sourceIPs`. */
function bare(segment: string): string {
  const at = segment.indexOf('[');
  return at < 0 ? segment : segment.slice(0, at);
}

/**
 * The path that was meant when an event field path cannot name a field (`objectRef.resorce`,
 * `objectref.resource`, `user.name`): `meant` is the corrected path, or undefined with `options` listing the
 * fields there. Undefined when the path can name an Event field (or a field this check cannot know).
 */
export function auditFieldPathFix(path: string): { meant?: string; options: readonly string[] } | undefined {
  if (path.startsWith('"')) return undefined; // a quoted segment: a label key, not ours to check
  const segments = path.split('.');
  const first = bare(segments[0]);
  if (!AUDIT_EVENT_FIELDS.includes(first)) {
    // A name close to an Event field is a typo of it (`requestObjects`); any other may be a field log-shipper
    // adds to the line, which this check cannot know.
    const cased = closestMatch(first, AUDIT_EVENT_FIELDS);
    if (cased === undefined) return undefined;
    return {
      meant: [segments[0].replace(first, cased), ...segments.slice(1)].join('.'),
      options: AUDIT_EVENT_FIELDS,
    };
  }
  const own = OBJECT_FIELDS[first];
  if (own === undefined || segments.length < 2) return undefined;
  const second = bare(segments[1]);
  if (own.includes(second)) return undefined;
  const lower = second.toLowerCase();
  const guess =
    own.find((f) => f.toLowerCase() === lower) ??
    closestMatch(second, own) ??
    own.find((f) => f.toLowerCase().endsWith(lower) || lower.endsWith(f.toLowerCase()));
  const options = own.map((f) => `${first}.${f}`);
  if (guess === undefined) return { options };
  return {
    meant: [segments[0], segments[1].replace(second, guess), ...segments.slice(2)].join('.'),
    options,
  };
}

/** The fix for a path auditFieldPathFix refused, `wrap` writing a path as the user would (`{{ path }}`). */
export function auditFieldPathFixText(
  fix: { meant?: string; options: readonly string[] },
  wrap: (path: string) => string = (p) => p,
): string {
  return fix.meant !== undefined
    ? `did you mean "${wrap(fix.meant)}"?`
    : `name one of ${fix.options.map(wrap).join(', ')}`;
}
