// Which file in the output directory, not written by this synth, a previous synth left there and may be removed.
// cdk8s names its files with the App's outputFileExtension, `.k8s.yaml` by default: nobody writes that by hand, so
// such a file is a manifest of an earlier synth. With a common extension (`.yaml`, `.yml`) the directory also
// holds the user's own files, e.g. the kustomization.yaml an Argo CD Application or Flux Kustomization reads:
// only a file of Kubernetes objects is taken for an earlier synth's, never one of Kustomize's own kinds or a file
// that is not manifests at all.
import * as fs from 'fs';
import { parseAllDocuments } from 'yaml';
import { isJsonObject } from './json-values';

/** cdk8s's default outputFileExtension. */
export const CDK8S_DEFAULT_EXTENSION = '.k8s.yaml';

// Kustomize's own files (kustomization.yaml, a component) are manifests of a kind, not objects of the cluster.
const KUSTOMIZE_API = /^kustomize\.config\.k8s\.io\//;

// Stale files larger than this are kept: an earlier synth's manifest of this package is far smaller.
const MAX_READ_BYTES = 8 * 1024 * 1024;

function isClusterObject(document: unknown): boolean {
  if (!isJsonObject(document)) return false;
  const { apiVersion, kind, metadata } = document;
  return (
    typeof apiVersion === 'string' &&
    !KUSTOMIZE_API.test(apiVersion) &&
    typeof kind === 'string' &&
    isJsonObject(metadata) &&
    typeof metadata.name === 'string'
  );
}

/**
 * Whether `file`, which this synth did not write although its name ends in `extension`, is a manifest an earlier
 * synth wrote: any such file for cdk8s's own `.k8s.yaml`; otherwise a YAML file whose every document is a
 * Kubernetes object (apiVersion, kind, metadata.name) other than Kustomize's.
 */
export function isEarlierSynthManifest(file: string, extension: string): boolean {
  if (extension === CDK8S_DEFAULT_EXTENSION) return true;
  try {
    if (fs.statSync(file).size > MAX_READ_BYTES) return false;
    const documents = parseAllDocuments(fs.readFileSync(file, 'utf8'));
    const list = Array.isArray(documents) ? documents : [documents];
    const values = list.map((d) => (d.errors.length > 0 ? undefined : (d.toJS() as unknown)));
    return values.length > 0 && values.every(isClusterObject);
  } catch {
    return false;
  }
}
