/** Argo CD annotation that orders resources within a sync. */
export const ARGOCD_SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/** Argo CD annotation with per-resource sync options. */
export const ARGOCD_SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';

/**
 * Default sync waves: the log-shipper module first (its CRDs appear only once it is on), then the
 * policy Secret, then the ModuleConfig that makes kube-apiserver read it (one restart), then the
 * log-shipper pipeline.
 */
export const SYNC_WAVES = {
  logShipperModule: -2,
  policySecret: -1,
  controlPlaneManager: 0,
  logShipping: 1,
} as const;

/** Options shared by the constructs for the Argo CD annotations they add. */
export interface ArgoCdOptions {
  /**
   * Add `argocd.argoproj.io/sync-wave` (and sync options where needed) to the objects.
   * @default true
   */
  readonly argoCdAnnotations?: boolean;
}

/** The annotations for one object, or undefined when Argo CD annotations are off. */
export function argoCdAnnotations(
  enabled: boolean | undefined,
  wave: number,
  options: { skipDryRunOnMissingResource?: boolean; serverSideApply?: boolean } = {},
): Record<string, string> | undefined {
  if (enabled === false) return undefined;
  const annotations: Record<string, string> = { [ARGOCD_SYNC_WAVE_ANNOTATION]: String(wave) };
  const syncOptions: string[] = [];
  // log-shipper's CRDs exist only after the module is enabled in the same sync: without this,
  // Argo CD's dry run fails on the unknown kinds before the module wave has run.
  if (options.skipDryRunOnMissingResource) syncOptions.push('SkipDryRunOnMissingResource=true');
  // An object too large for client-side apply's last-applied annotation (client-side-apply.ts).
  if (options.serverSideApply) syncOptions.push('ServerSideApply=true');
  if (syncOptions.length > 0) annotations[ARGOCD_SYNC_OPTIONS_ANNOTATION] = syncOptions.join(',');
  return annotations;
}
