#!/usr/bin/env bash
# The package as a consumer meets it: packed with `npm pack`, installed into a fresh cdk8s app on OTHER patch
# versions of cdk8s and constructs than this repository builds with, type-checked by `tsc` under the
# `cdk8s init typescript-app` compiler settings, synthesized with a plain `app.synth()`.
# Needs the npm registry (as `npm ci` does). Usage: test-consumer/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
CDK8S_VERSION="${CONSUMER_CDK8S_VERSION:-2.70.100}"
CONSTRUCTS_VERSION="${CONSUMER_CONSTRUCTS_VERSION:-10.7.2}"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT
fail() { echo "consumer test FAILED: $*" >&2; exit 1; }

cd "$repo"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
cd "$work"
mkdir app && cp "$here/app/"*.ts "$here/app/tsconfig.json" app/
cd app
cat > package.json <<JSON
{ "name": "consumer-app", "version": "1.0.0", "private": true, "license": "Apache-2.0" }
JSON
npm install --silent --no-audit --no-fund "cdk8s@$CDK8S_VERSION" "constructs@$CONSTRUCTS_VERSION" \
  "$work/$tarball" typescript@5.9.3 @types/node@14 >/dev/null 2>&1 || fail "npm install"

# Exactly one copy of cdk8s and of constructs in the tree, at the consumer's versions.
copies() { find . -type d -path "*/node_modules/$1" | wc -l; }
[ "$(copies cdk8s)" = 1 ] || fail "$(copies cdk8s) copies of cdk8s"
[ "$(copies constructs)" = 1 ] || fail "$(copies constructs) copies of constructs"
[ "$(node -p 'require("cdk8s/package.json").version')" = "$CDK8S_VERSION" ] || fail "cdk8s version"
[ "$(node -p 'require("constructs/package.json").version')" = "$CONSTRUCTS_VERSION" ] || fail "constructs version"
[ ! -e node_modules/cdk8s-plus-28 ] || fail "cdk8s-plus-28 installed"

npx tsc -p tsconfig.json || fail "tsc under the cdk8s init settings"

node main.js >out.txt 2>err.txt || { cat err.txt >&2; fail "plain app.synth() of a valid app"; }
manifest="dist/audit.k8s.yaml"
[ -f "$manifest" ] || fail "no $manifest"
for kind in "kind: ModuleConfig" "kind: Secret" "kind: ClusterLogDestination" "kind: ClusterLoggingConfig"; do
  grep -q "^$kind\$" "$manifest" || fail "$manifest has no $kind"
done
grep -q "argocd.argoproj.io/sync-wave" "$manifest" || fail "no sync waves"
grep -q "^warning: \[audit/audit\] " err.txt || { cat err.txt >&2; fail "no warning printed by app.synth()"; }
[ "$(grep -c '^warning: ' err.txt)" = "$(grep '^warning: ' err.txt | sort -u | wc -l)" ] || fail "a warning printed twice"
first="$(cat "$manifest")"
rm -rf dist && node main.js >/dev/null 2>&1 && [ "$(cat "$manifest")" = "$first" ] || fail "two synths differ"

# Nested in the consumer's own constructs, beside its objects, over two charts, one file per resource.
rm -rf dist
node layouts.js >out.txt 2>err.txt || { cat err.txt >&2; fail "the constructs inside a larger app"; }
for file in platform/ConfigMap.platform-settings.k8s.yaml platform/ModuleConfig.control-plane-manager.k8s.yaml \
  platform/ModuleConfig.log-shipper.k8s.yaml shipping/ClusterLogDestination.loki.k8s.yaml \
  shipping/ClusterLoggingConfig.kube-audit.k8s.yaml; do
  [ -f "dist/$file" ] || { ls -R dist >&2; fail "no dist/$file"; }
done
[ "$(cat out.txt)" = "ClusterLogDestination,ClusterLoggingConfig" ] || { cat out.txt >&2; fail "Testing.synth"; }

rm -rf dist
if node invalid.js >out.txt 2>err.txt; then fail "an invalid policy was synthesized"; fi
grep -q 'rules\[0\].resources.group' err.txt || { cat err.txt >&2; fail "the refusal does not name the field"; }
grep -q 'Fix: write the group without its version' err.txt || { cat err.txt >&2; fail "the refusal has no fix"; }
grep -q '\[audit/audit/PolicySecret\]' err.txt || { cat err.txt >&2; fail "the refusal has no construct path"; }
[ ! -e dist/audit.k8s.yaml ] || fail "a refused app wrote $manifest"

# Only the curated entry point is importable; the CLI ships and runs from the installed package.
if node -e 'require("cdk8s-deckhouse-audit/lib/src/constructs/synth")' 2>/dev/null; then fail "an internal module is importable"; fi
printf 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n' > policy.yaml
npx --no-install deckhouse-audit validate policy.yaml >out.txt 2>&1 || { cat out.txt >&2; fail "deckhouse-audit validate"; }
npx --no-install deckhouse-audit explain --deckhouse --url 'GET /api/v1/namespaces/prod/secrets/db' >out.txt 2>&1 ||
  { cat out.txt >&2; fail "deckhouse-audit explain"; }
# simulate's worker threads load their script from the installed package.
cp "$repo/test/fixtures/replay/deckhouse.log" audit.log
npx --no-install deckhouse-audit simulate --deckhouse --jobs 2 --json audit.log >out.json 2>err.txt ||
  { cat err.txt >&2; fail "deckhouse-audit simulate"; }
[ "$(node -p 'require("./out.json").sources[0].threads')" = 2 ] || fail "simulate --jobs 2 ran on one thread"

echo "consumer test passed: cdk8s $CDK8S_VERSION, constructs $CONSTRUCTS_VERSION, tsc (cdk8s init settings), plain app.synth(), the installed CLI"
