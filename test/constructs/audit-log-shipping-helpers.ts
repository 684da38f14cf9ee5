import { Testing } from 'cdk8s';
import { AuditLogDestination, AuditLogShipping, base64Pem } from '../../src/constructs';
import { Manifest, ofKind } from './helpers';

/** A CA certificate as log-shipper decodes it: the base64 of a PEM certificate. */
export const CA = base64Pem('-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n');

/** An AuditLogShipping of these destinations in a fresh chart. */
export function ship(
  destinations: AuditLogDestination[],
  extra: Partial<ConstructorParameters<typeof AuditLogShipping>[2]> = {},
) {
  const chart = Testing.chart();
  const shipping = new AuditLogShipping(chart, 'Shipping', { destinations, ...extra });
  return { chart, shipping };
}

/** The spec of the synthesized ClusterLogDestination with this name. */
export function destinationSpec(objects: Manifest[], name: string): Manifest {
  const found = ofKind(objects, 'ClusterLogDestination').find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no destination ${name}`);
  return found.spec;
}
