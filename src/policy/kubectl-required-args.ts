import { KubectlFlags } from './kubectl-flags';
import { RequestSpecError } from './request-spec-error';

// Write commands kubectl refuses in its Complete/Validate step, before it sends any request: the translation
// refuses them with kubectl's own message (quoted) and the fix, instead of answering with a request kubectl
// never makes. Each names its source file in staging/src/k8s.io/kubectl/pkg/cmd/.

/** label.go / annotate.go Complete: `objects` are `args` without the KEY=VALUE and KEY- words. */
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
}

/** patch.go Validate. */
export function refusePatchWithoutPatch(args: readonly string[], flags: KubectlFlags): void {
  if (!['-p', '--patch', '--patch-file'].some((f) => flags.given.has(f))) {
    throw new RequestSpecError(
      'kubectl refuses "patch" without a patch ("must specify --patch or --patch-file containing the contents ' +
        `of the patch"): add -p, e.g. "patch ${args.join(' ')} -p '{"spec":{"replicas":2}}'"`,
    );
  }
}

/** scale.go Validate (Replicas defaults to -1). */
export function refuseScaleWithoutReplicas(flags: KubectlFlags): void {
  if (!flags.given.has('--replicas')) {
    throw new RequestSpecError(
      'kubectl refuses "scale" without --replicas ("The --replicas=COUNT flag is required, and COUNT must be ' +
        'greater than or equal to 0"): add --replicas=N',
    );
  }
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

/** autoscale.go Validate (Max defaults to -1). */
export function refuseAutoscaleWithoutMax(flags: KubectlFlags): void {
  if (!flags.given.has('--max')) {
    throw new RequestSpecError(
      'kubectl refuses "autoscale" without --max ("--max=MAXPODS is required and must be at least 1, max: -1"): ' +
        'add --max=N',
    );
  }
}
