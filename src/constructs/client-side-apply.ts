// Whether an object can be applied with client-side apply (`kubectl apply`, and Argo CD's default sync). kubectl
// stores the object it applies, as JSON, in annotation kubectl.kubernetes.io/last-applied-configuration, and the
// API server refuses an object whose annotations (keys and values) total more than 256 KiB ("metadata.annotations:
// Too long: must have at most 262144 bytes"; apimachinery's ValidateAnnotationsSize). A Secret carries its data
// base64-encoded, so a policy of about 190 KB already passes that limit, far below the 1 MiB Secret limit. Server-side
// apply keeps no such annotation (Argo CD: sync option ServerSideApply=true; kubectl apply --server-side).

/** The annotation in which client-side apply keeps the applied object. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** The API server's limit on the total size of an object's annotations (keys and values), in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

/**
 * Room left for what the applying tool adds to the object before kubectl serializes it (Argo CD's tracking label
 * or `argocd.argoproj.io/tracking-id` annotation, which then count twice: in the object and in its copy).
 */
export const APPLY_TOOL_MARGIN_BYTES = 1024;

/** The annotation bytes client-side apply gives an object (its annotations plus the last-applied copy of it). */
export function clientSideApplyAnnotationBytes(manifest: Record<string, unknown>): number {
  const metadata = (manifest.metadata ?? {}) as { annotations?: Record<string, string> };
  const annotations = metadata.annotations ?? {};
  const own = Object.entries(annotations).reduce(
    (sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value),
    0,
  );
  // kubectl encodes the object compactly with a trailing newline (its JSON encoder's Encode).
  const copy = Buffer.byteLength(JSON.stringify(manifest)) + 1;
  return own + Buffer.byteLength(LAST_APPLIED_ANNOTATION) + copy;
}

/** Whether client-side apply of this object would be refused for its annotations' size (with the tool margin). */
export function tooLargeForClientSideApply(manifest: Record<string, unknown>): boolean {
  return (
    clientSideApplyAnnotationBytes(manifest) > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES - APPLY_TOOL_MARGIN_BYTES
  );
}

/** What a too-large policy Secret without Argo CD annotations means for the person who applies it. */
export function serverSideApplyWarning(): string {
  return (
    'Secret kube-system/audit-policy: its policy is too large for client-side apply: `kubectl apply` copies the ' +
    `object into annotation ${LAST_APPLIED_ANNOTATION}, and the API server refuses annotations over ` +
    `${TOTAL_ANNOTATION_SIZE_LIMIT_BYTES} bytes ("metadata.annotations: Too long"). Fix: apply it server-side ` +
    '(`kubectl apply --server-side`; Flux always does; Argo CD: keep argoCdAnnotations on, which adds ' +
    'ServerSideApply=true), or make the policy smaller (merge rules that differ only in one list)'
  );
}
