// Whether an object can be applied with client-side apply (`kubectl apply`, and Argo CD's default sync). kubectl
// stores the object it applies, as JSON, in annotation kubectl.kubernetes.io/last-applied-configuration, and the
// API server refuses an object whose annotations (keys and values) total more than 256 KiB ("metadata.annotations:
// Too long: must have at most 262144 bytes"; apimachinery's ValidateAnnotationsSize). A Secret carries its data
// base64-encoded, so a policy of about 190 KB already passes that limit, far below the 1 MiB Secret limit. Server-side
// apply keeps no such annotation (Argo CD: sync option ServerSideApply=true; kubectl apply --server-side).
import { IConstruct } from 'constructs';
import { ArgoCdOptions, argoCdAnnotations, SYNC_WAVES } from './argocd';
import { addWarning } from './warnings';

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

/**
 * What an object too large for client-side apply, written without Argo CD annotations, means for the person who
 * applies it. `object` names it and what makes it large, `smaller` how to shrink it.
 */
export function serverSideApplyWarning(
  object = 'Secret kube-system/audit-policy: its policy',
  smaller = 'make the policy smaller (merge rules that differ only in one list)',
): string {
  return (
    `${object} is too large for client-side apply: \`kubectl apply\` copies the ` +
    `object into annotation ${LAST_APPLIED_ANNOTATION}, and the API server refuses annotations over ` +
    `${TOTAL_ANNOTATION_SIZE_LIMIT_BYTES} bytes ("metadata.annotations: Too long"). Fix: apply it server-side ` +
    '(`kubectl apply --server-side`; Flux always does; Argo CD: keep argoCdAnnotations on, which adds ' +
    `ServerSideApply=true), or ${smaller}`
  );
}

/**
 * The Argo CD annotations of a log-shipper object (its sync wave, SkipDryRunOnMissingResource), with
 * ServerSideApply=true when the object, annotated, is too large for client-side apply (a CA bundle of a few hundred
 * certificates inline in caFile); without Argo CD annotations, a warning on `scope` says how to apply it.
 * `kind`, `name` and `spec` are the object's (deckhouse.io/v1alpha1 or v1alpha2: the same size).
 */
export function logShipperAnnotations(
  scope: IConstruct,
  props: ArgoCdOptions & { readonly syncWave?: number },
  kind: string,
  name: string,
  spec: unknown,
): Record<string, string> | undefined {
  const annotations = (serverSideApply: boolean) =>
    argoCdAnnotations(props.argoCdAnnotations, props.syncWave ?? SYNC_WAVES.logShipping, {
      skipDryRunOnMissingResource: true,
      serverSideApply,
    });
  // Through JSON: the generated classes' typed values (a disk buffer's size) count as they are written.
  const annotated = {
    apiVersion: 'deckhouse.io/v1alpha1',
    kind,
    metadata: { name, annotations: annotations(false) },
    spec,
  };
  const tooLarge = tooLargeForClientSideApply(
    JSON.parse(JSON.stringify(annotated)) as Record<string, unknown>,
  );
  if (tooLarge && props.argoCdAnnotations === false) {
    const smaller =
      kind === 'ClusterLogDestination'
        ? 'keep the certificates in the Secret of tls.secretRef (keys ca.pem, crt.pem) instead of inline'
        : 'use fewer or shorter filter values';
    addWarning(scope, serverSideApplyWarning(`${kind} ${name}`, smaller));
  }
  return annotations(tooLarge);
}
