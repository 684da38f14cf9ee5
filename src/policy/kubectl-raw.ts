import { KubectlFlags } from './kubectl-flags';
import { Plan } from './kubectl-plan';
import { RequestSpecError } from './request-spec-error';

// create, replace and delete --raw: kubectl sends the file (-f) as the body of one request to the path as
// written, with no resource builder in between (create.go Run: rawhttp.RawPost; replace.go: RawPut;
// delete.go: RawDelete). Their -f is therefore kept by the flag table and checked here: without --raw
// the file holds objects we do not read.

const RAW_METHOD: Record<string, 'POST' | 'PUT' | 'DELETE'> = {
  create: 'POST',
  replace: 'PUT',
  delete: 'DELETE',
};

/** The request of `create|replace|delete --raw PATH [-f FILE]`; undefined when --raw is not given. */
export function rawRequest(command: string, args: readonly string[], flags: KubectlFlags): Plan | undefined {
  const files = flags.files ?? 0;
  if (flags.raw === undefined) {
    if (files > 0) {
      throw new RequestSpecError(
        `-f: files are not read; name the object instead, e.g. "${command} deployment web -n prod"`,
      );
    }
    return undefined;
  }
  const method = RAW_METHOD[command];
  if (method === undefined) throw new RequestSpecError(`"${command}" has no --raw flag`);
  if (args.length > 0) {
    throw new RequestSpecError(
      `"${command} --raw ${flags.raw}" takes no resource type or name (got ${args.join(' ')}); leave them out`,
    );
  }
  // create.go/replace.go Validate: exactly one file (or "-" for stdin); delete.go: at most one.
  if (method !== 'DELETE' ? files !== 1 : files > 1) {
    throw new RequestSpecError(
      `"${command} --raw" needs ${method === 'DELETE' ? 'at most' : 'exactly'} one -f FILE (kubectl: "--raw can ` +
        `only use a single local file or stdin"), got ${files}; e.g. "${command} --raw ${flags.raw} -f body.json"`,
    );
  }
  // kubectl's ValidateArgs: url.ParseRequestURI must accept the path (an absolute path).
  if (!flags.raw.startsWith('/')) {
    throw new RequestSpecError(
      `--raw ${flags.raw}: kubectl needs a URL path starting with "/", e.g. "--raw /api/v1/namespaces/prod/pods"`,
    );
  }
  return {
    method,
    url: flags.raw,
    notes:
      files === 1 ? ['the file is the request body, sent as it is (kubectl does not read or split it)'] : [],
  };
}
