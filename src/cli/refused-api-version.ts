import { Problem } from '../policy/types';
import { ManifestObject } from './manifest';

// kubectl and Argo CD refuse an object without apiVersion ("Object 'apiVersion' is missing") and the API server
// one of a version it does not serve ("no matches for kind ... in version ..."): such an object never reaches
// the cluster, so it must not vouch for a policy or a setting.
export function refusedApiVersion(
  object: ManifestObject,
  what: string,
  served: string,
  why = '',
): Problem | undefined {
  const apiVersion = (object.value as { apiVersion?: unknown }).apiVersion;
  if (apiVersion === served) return undefined;
  const fix = `set apiVersion: ${served}`;
  if (apiVersion === undefined || apiVersion === null || apiVersion === '') {
    return {
      message: `${what} has no apiVersion: kubectl and Argo CD refuse an object without one, so the cluster never gets it`,
      field: 'apiVersion',
      ...object.position,
      fix,
    };
  }
  return {
    message: `${what}: apiVersion ${JSON.stringify(apiVersion)} is not served, only ${served}${why}: the API server refuses the object, so the cluster never gets it`,
    field: 'apiVersion',
    ...(object.locate(['apiVersion']) ?? object.position),
    fix,
  };
}
