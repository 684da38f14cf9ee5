/**
 * Telling a file that is plainly one Policy document from its text alone, so that it goes to the policy loader
 * without a first parse as a manifest (which doubles the time and memory of a large policy).
 */

// A file with no document marker (`---`, `...`) and a top-level `kind: Policy` line is one Policy document:
// the loader reads it whole anyway, so the file need not be parsed a first time to find that out.
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/m;
const TOP_LEVEL_POLICY_KIND = /^kind:[ \t]*(?:Policy|"Policy"|'Policy')[ \t]*(?:#.*)?\r?$/m;

export function plainlyOnePolicy(text: string): boolean {
  return (TOP_LEVEL_POLICY_KIND.test(text) && !DOCUMENT_MARKER.test(text)) || isJsonPolicy(text);
}

// The same for JSON (`kubectl get -o json` style): JSON.parse takes milliseconds where the yaml package, reading
// it as a manifest first, took 1.4 s and 200 MB for 1 MiB. One JSON object is one document.
function isJsonPolicy(text: string): boolean {
  if (!/^\s*\{/.test(text)) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (value === null || typeof value !== 'object') return false;
  const { kind, apiVersion } = value as Record<string, unknown>;
  return kind === 'Policy' || (typeof apiVersion === 'string' && apiVersion.startsWith('audit.k8s.io/'));
}
