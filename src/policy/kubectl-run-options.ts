import { KubectlFlags } from './kubectl-flag-tables';
import { RequestSpecError } from './request-spec-error';

// run.go Complete/Run checks kubectl makes before it creates anything: without them the answer would be a
// POST that kubectl never sends.

/** run.go: --image is required; --expose needs --port; --rm needs an attached container (-i or --attach). */
export function refuseRunOptions(flags: KubectlFlags): void {
  const image = flags.values.get('--image');
  if (image === undefined || image === '') {
    throw new RequestSpecError(
      'kubectl refuses "run" without an image ("--image is required"): add --image=IMAGE',
    );
  }
  if (flags.expose === true && !flags.values.has('--port')) {
    throw new RequestSpecError(
      'kubectl refuses "run --expose" without --port ("--port must be set when exposing a service"): add --port=PORT',
    );
  }
  // run.go: --attach defaults to -i when not given.
  const attach = flags.attach ?? flags.stdin;
  if (flags.rm && !attach) {
    throw new RequestSpecError(
      'kubectl refuses "run --rm" without an attached container ("--rm should only be used for attached ' +
        'containers"): add -it, or leave --rm out',
    );
  }
}
