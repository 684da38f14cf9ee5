import { KubectlFlags } from './kubectl-flag-tables';
import { goIntFlag } from './kubectl-required-args';
import { RequestSpecError } from './request-spec-error';

// delete's own options as delete.go reads them: Complete folds --now and --force into the grace period,
// Validate refuses the combinations it cannot honour (before any request), and DeleteResult waits for the
// deleted object to go unless --wait=false or a dry run.

/** delete.go Complete and Validate: what kubectl refuses before it sends anything. */
export function refuseDeleteOptions(flags: KubectlFlags): void {
  let grace = goIntFlag(flags, '--grace-period', 64, -1);
  if (flags.now) {
    if (grace !== -1) {
      throw new RequestSpecError(
        'kubectl refuses --now with --grace-period ("--now and --grace-period cannot be specified together"): ' +
          'give one (--now is --grace-period=1)',
      );
    }
    grace = 1;
  }
  if (grace === 0 && !flags.force) grace = 1;
  const output = flags.values.get('--output') ?? flags.values.get('-o');
  if (output !== undefined && output !== '' && output !== 'name') {
    throw new RequestSpecError(
      `kubectl refuses "delete -o ${output}" ("unexpected -o output mode: ${output}. We only support '-o name'"): ` +
        'use -o name or leave -o out',
    );
  }
  if (grace > 0 && flags.force) {
    throw new RequestSpecError(
      `kubectl refuses --force with --grace-period=${flags.now ? '1 (--now)' : grace} ("--force and ` +
        '--grace-period greater than 0 cannot be specified together"): use --force --grace-period=0, or leave ' +
        '--force out',
    );
  }
}

/** What follows the DELETE: DeleteResult's wait, unless --wait=false or a dry run. */
export function deleteWaitNote(flags: KubectlFlags, url: string, byName: string, watchList: string): string {
  if (flags.dryRunServer) return 'no wait follows a dry run: kubectl returns after this DELETE';
  if (flags.wait === false)
    return '--wait=false: kubectl returns after this DELETE, without waiting for the object to go';
  return `then waits for it to go (unless --wait=false): GET ${url}, GET ${byName} (verb list) and a watch of it (verb watch) ${watchList}`;
}
