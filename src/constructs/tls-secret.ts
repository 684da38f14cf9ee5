// The Secret a destination's `tls.secretRef` names: its contract, and the check of the object in the app
// that produces it (a v1 Secret, an ExternalSecret, a SealedSecret, ...).
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isJsonObject } from './json-values';
import { PropProblem } from './messages';
import { holdsPrivateKey } from './private-key';

/** The namespace log-shipper reads TLS Secrets from (CRD description of `tls.secretRef`). */
export const TLS_SECRET_NAMESPACE = 'd8-log-shipper';

/** The label log-shipper watches TLS Secrets by, and its value. */
export const TLS_SECRET_LABEL = 'log-shipper.deckhouse.io/watch-secret';
export const TLS_SECRET_LABEL_VALUE = 'true';

/** The keys log-shipper reads from the Secret (base64 PEM like the inline fields; keyPass: the key's pass phrase). */
export const TLS_SECRET_KEYS: readonly string[] = ['ca.pem', 'crt.pem', 'key.pem', 'keyPass'];

/** The first Deckhouse release whose log-shipper reads `tls.secretRef`. */
export const TLS_SECRET_MIN_DKP = '1.68';

/** The contract in one line, for messages and docs. */
export const TLS_SECRET_CONTRACT =
  `a Secret in namespace ${TLS_SECRET_NAMESPACE} labelled ${TLS_SECRET_LABEL}: "${TLS_SECRET_LABEL_VALUE}" ` +
  `with keys ${TLS_SECRET_KEYS.join(', ')} (DKP ≥ ${TLS_SECRET_MIN_DKP})`;

// Keys that are secret in the Secret (ca.pem and crt.pem are public).
const SECRET_KEYS = new Set(['key.pem', 'keyPass']);

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return isJsonObject(value) ? value : undefined;
}

function stringMap(value: unknown): Record<string, string> {
  const map = object(value) ?? {};
  return Object.fromEntries(Object.entries(map).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

// A walk over at most this many values of an object: a Secret producer is small; more is not looked through.
const MAX_VISITED = 100_000;

/** Whether any string in `value` (a Secret producer's JSON, its encrypted data left out) holds a private key. */
function anyPrivateKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  for (let visited = 0; stack.length > 0 && visited < MAX_VISITED; visited++) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (holdsPrivateKey(item)) return true;
    } else if (Array.isArray(item)) stack.push(...item);
    else if (isJsonObject(item)) stack.push(...Object.values(item));
  }
  return false;
}

/**
 * Whether the template of a producer (an ExternalSecret's `spec.target.template`, a SealedSecret's `spec.template`)
 * writes key.pem or keyPass from a literal: a SealedSecret's template `data` is not encrypted, and an ExternalSecret
 * template value without a `{{ }}` expression is the value itself, so either sits in dist/ in clear text.
 */
function templateHoldsKeyMaterial(template: Json | undefined): boolean {
  const data = { ...stringMap(template?.data), ...stringMap(template?.stringData) };
  return Object.entries(data).some(([k, v]) => SECRET_KEYS.has(k) && v !== '' && !v.includes('{{'));
}

/** What an object in the app says about the Secret it is, or produces. */
export interface SecretSource {
  /** `Kind/name` of the object. */
  readonly object: string;
  /** The name of the Secret it produces. */
  readonly secretName: string;
  readonly namespace?: string;
  /** The labels the Secret gets. */
  readonly labels: Readonly<Record<string, string>>;
  /** The Secret's keys, when the object lists them. */
  readonly keys?: readonly string[];
  /**
   * The object itself carries a secret key's value in clear text: a plain Secret's data/stringData, a literal
   * key.pem/keyPass in a producer's template, or a PEM private key anywhere but a SealedSecret's encryptedData.
   */
  readonly holdsKeyMaterial: boolean;
}

/**
 * The Secret an API object produces, read from its JSON: a v1 Secret is itself; an ExternalSecret
 * (external-secrets.io) produces `spec.target.name` (default: its own name) with the labels of
 * `spec.target.template.metadata` (the ExternalSecret's own labels are copied too); a SealedSecret
 * (bitnami.com) produces its own name with the labels of `spec.template.metadata`. Undefined for other
 * objects. The Secret lives in the object's namespace.
 */
export function secretSourceOf(json: Json): SecretSource | undefined {
  const kind = String(json.kind);
  const metadata = object(json.metadata) ?? {};
  const name = String(metadata.name);
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const spec = object(json.spec) ?? {};
  const id = `${kind}/${name}`;
  if (kind === 'Secret' && String(json.apiVersion) === 'v1') {
    const data = { ...stringMap(json.data), ...stringMap(json.stringData) };
    return {
      object: id,
      secretName: name,
      namespace,
      labels: stringMap(metadata.labels),
      keys: Object.keys(data),
      // key.pem/keyPass, or a PEM private key under any other key (tls.key, a typo): in dist/ either way.
      holdsKeyMaterial: Object.entries(data).some(
        ([k, v]) => v !== '' && (SECRET_KEYS.has(k) || holdsPrivateKey(v)),
      ),
    };
  }
  // Only objects that produce a Secret: ExternalSecret, SealedSecret and the like (not PushSecret, which
  // sends one away, nor a SecretStore).
  if (!kind.endsWith('Secret') || kind === 'PushSecret') return undefined;
  const target = object(spec.target);
  if (target !== undefined || kind === 'ExternalSecret') {
    const template = object(target?.template);
    const keys = externalSecretKeys(spec, template);
    return {
      object: id,
      secretName: typeof target?.name === 'string' ? target.name : name,
      namespace,
      labels: { ...stringMap(metadata.labels), ...stringMap(object(template?.metadata)?.labels) },
      ...(keys === undefined ? {} : { keys }),
      holdsKeyMaterial: templateHoldsKeyMaterial(template) || anyPrivateKey(spec),
    };
  }
  const template = object(spec.template);
  if (template !== undefined || spec.encryptedData !== undefined) {
    const encrypted = object(spec.encryptedData);
    return {
      object: id,
      secretName: name,
      namespace,
      labels: stringMap(object(template?.metadata)?.labels),
      ...(encrypted
        ? { keys: [...Object.keys(encrypted), ...Object.keys(object(template?.data) ?? {})] }
        : {}),
      // Everything but encryptedData is clear text.
      holdsKeyMaterial:
        templateHoldsKeyMaterial(template) || anyPrivateKey({ ...spec, encryptedData: undefined }),
    };
  }
  return undefined;
}

/**
 * The keys of the Secret an ExternalSecret produces, when its manifest decides them; undefined when the
 * secret store or another object does (external-secrets.io ExternalSecret spec, `target.template`):
 * - no template `data` or `templateFrom`: the keys of `spec.data` (`secretKey`), unless `spec.dataFrom` adds
 *   whatever the store holds;
 * - a template with `templateFrom`: the referenced ConfigMaps and Secrets decide;
 * - a template with `data` and the default `mergePolicy: Replace`: the template's keys alone;
 * - with `mergePolicy: Merge`: the template's keys and `spec.data`'s, unless `spec.dataFrom` adds more.
 */
function externalSecretKeys(spec: Json, template: Json | undefined): string[] | undefined {
  const listed = Array.isArray(spec.data)
    ? spec.data.map((d) => object(d)?.secretKey).filter((k): k is string => typeof k === 'string')
    : [];
  const templateData = Object.keys(object(template?.data) ?? {});
  const templateFrom = Array.isArray(template?.templateFrom) && template.templateFrom.length > 0;
  const fromStore = spec.dataFrom !== undefined && spec.dataFrom !== null;
  if (templateFrom) return undefined;
  if (templateData.length === 0) return fromStore ? undefined : listed;
  if (template?.mergePolicy !== 'Merge') return templateData;
  return fromStore ? undefined : [...new Set([...templateData, ...listed])];
}

/** The objects of the app (found with `ApiObject.isApiObject`, never `instanceof`) that produce Secret `name`. */
export function findSecretSources(root: IConstruct, name: string): SecretSource[] {
  return root.node
    .findAll()
    .filter((c): c is ApiObject => ApiObject.isApiObject(c))
    .map((o) => secretSourceOf(o.toJson() as Json))
    .filter((s): s is SecretSource => s !== undefined && s.secretName === name);
}

/** The result of checking the Secret of one `tls.secretRef`. */
export interface TlsSecretCheck {
  readonly errors: PropProblem[];
  readonly warnings: PropProblem[];
}

/**
 * Checks that the app's objects producing Secret `name` meet log-shipper's contract (namespace, label,
 * keys), that no private key sits in the app in clear text, and warns when the app does not define the
 * Secret (it must then come from elsewhere). `field` is the prop path of `secretRef.name`. `tlsOnlyWith`, the
 * destination type when its TLS is on only with a CA or a client certificate and none is inline: the Secret must
 * then hold ca.pem or crt.pem.
 */
export function checkTlsSecret(
  root: IConstruct,
  name: string,
  field: string,
  allowInlineCredentials: boolean,
  tlsOnlyWith?: string,
): TlsSecretCheck {
  const errors: PropProblem[] = [];
  const warnings: PropProblem[] = [];
  const sources = findSecretSources(root, name);
  if (sources.length === 0) {
    warnings.push({
      field,
      received: name,
      expected: `${TLS_SECRET_CONTRACT}, created outside these manifests`,
      fix:
        'this app does not define the Secret: make sure it exists in the cluster (from your secret store, e.g. ' +
        'an ExternalSecret or a SealedSecret added to this app, which is then checked here; never the key in Git). ' +
        'Without it log-shipper\'s configuration hook fails ("failed to extract tls data from secret") and no ' +
        'destination of the cluster gets a new configuration until it exists',
    });
  }
  for (const source of sources) {
    if (source.namespace !== TLS_SECRET_NAMESPACE) {
      errors.push({
        field,
        received: `${source.object} in namespace ${source.namespace ?? '(none)'}`,
        expected: `the Secret in namespace ${TLS_SECRET_NAMESPACE} (log-shipper reads TLS Secrets only there)`,
        fix: `create ${source.object} with metadata.namespace "${TLS_SECRET_NAMESPACE}"`,
      });
    }
    if (source.labels[TLS_SECRET_LABEL] !== TLS_SECRET_LABEL_VALUE) {
      errors.push({
        field,
        received: `${source.object} with ${TLS_SECRET_LABEL}: ${JSON.stringify(source.labels[TLS_SECRET_LABEL] ?? null)}`,
        expected: `the Secret labelled ${TLS_SECRET_LABEL}: "${TLS_SECRET_LABEL_VALUE}" (log-shipper watches only those)`,
        fix: source.object.startsWith('Secret/')
          ? `add the label to metadata.labels of ${source.object}`
          : `add the label to the template metadata of ${source.object} (the labels the Secret gets)`,
      });
    }
    if (source.holdsKeyMaterial && !allowInlineCredentials) {
      errors.push({
        field,
        received: source.object,
        showReceived: true,
        expected:
          'no private key in the manifests (this Secret carries key.pem/keyPass or a PEM private key in clear text)',
        fix:
          (source.object.startsWith('Secret/')
            ? 'produce the Secret from your secret store (an ExternalSecret, a SealedSecret) or create it outside Git'
            : `let ${source.object} take the key from the secret store (an ExternalSecret's spec.data remoteRef, a ` +
              "SealedSecret's encryptedData), not from a literal in its template or spec") +
          '; if the manifests are encrypted, set allowInlineCredentials: true on this destination',
      });
    }
    const unknown = (source.keys ?? []).filter((k) => !TLS_SECRET_KEYS.includes(k));
    const known = (source.keys ?? []).filter((k) => TLS_SECRET_KEYS.includes(k));
    // The hook copies ca.pem/crt.pem into the TLS block, and these types turn TLS on only with one of them.
    if (
      tlsOnlyWith !== undefined &&
      source.keys !== undefined &&
      !source.keys.includes('ca.pem') &&
      !source.keys.includes('crt.pem')
    ) {
      errors.push({
        field,
        received: `${source.object} with keys ${JSON.stringify(source.keys)}`,
        expected:
          `ca.pem or crt.pem in the Secret: log-shipper turns TLS on for a ${tlsOnlyWith} destination only when ` +
          'a CA or a client certificate is given, so without them it would connect in plain text',
        fix:
          'put the CA under ca.pem (and the client certificate under crt.pem, its key under key.pem; a ' +
          'cert-manager Secret has ca.crt/tls.crt/tls.key, which log-shipper does not read)',
      });
    } else if (source.keys !== undefined && (unknown.length > 0 || known.length === 0)) {
      warnings.push({
        field,
        received: `${source.object} with keys ${JSON.stringify(source.keys)}`,
        expected: `the keys log-shipper reads: ${TLS_SECRET_KEYS.join(', ')}`,
        fix: 'rename the keys (a cert-manager Secret has tls.crt/tls.key/ca.crt, which log-shipper does not read)',
      });
    }
  }
  return { errors, warnings };
}
