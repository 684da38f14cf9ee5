/**
 * kube-apiserver's legacy audit text format (`--audit-log-format=legacy`): the log backend writes
 * `audit.EventString(ev)` and a newline (staging/src/k8s.io/apiserver/plugin/pkg/audit/log/backend.go), one
 * line such as
 *
 * `2026-12-01T10:00:00.123456789Z AUDIT: id="…" stage="ResponseComplete" ip="10.0.0.1" method="get" user="admin"
 * groups="\"system:masters\",\"system:authenticated\"" as="<self>" asgroups="<lookup>" user-agent="kubectl/v1.30.0"
 * namespace="default" uri="/api/v1/namespaces/default/pods" response="200"`
 *
 * (pkg/audit/format.go: the request's RFC 3339 timestamp, then `AUDIT: id=%q stage=%q ip=%q method=%q …`; before
 * stages existed, Kubernetes 1.7 and older, `ip=` followed the id). It has no level, no objectRef, no bodies and no
 * annotations, so neither a decision by request attributes alone nor any size can be worked out from it.
 */

// Up to two timestamps (RFC 3339: the event's own, and one `kubectl logs --timestamps` or a container runtime
// put before it) and a `[pod/…/container] ` prefix may come first; the id is Go's %q, then `stage=` or `ip=`.
const LEGACY_LINE =
  /^(?:\[[^\]\s]*\] )?(?:\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}) ){0,2}AUDIT: id="(?:[^"\\]|\\.)*" (?:stage|ip)="/;

/** Whether `text` is a line of kube-apiserver's legacy audit text format. */
export function isLegacyAuditLine(text: string): boolean {
  return LEGACY_LINE.test(text);
}

/** Why a legacy line is not replayed, and what to replay instead. */
export const LEGACY_REASON =
  "kube-apiserver's legacy audit text format (--audit-log-format=legacy), not JSON: it carries no level, " +
  'objectRef, request/response bodies or sizes, and it is not what Deckhouse writes (control-plane-manager sets ' +
  '--audit-log-format=json); replay a log written with --audit-log-format=json (on Deckhouse ' +
  '/var/log/kube-audit/audit.log on a master)';
