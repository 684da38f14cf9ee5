// Assertion pack `dvpDocumentedExclusions`: what the DVP audit page says the built-in rules leave out.
import { AssertionPack } from '../assertion-pack';
import { make, req } from './pack-items';
import { dvpDocumentedPromises } from './dvp-documented-promises';

/** The DVP page's list of events the built-in policy deliberately does not record (noise reduction). */
export const dvpDocumentedExclusions: AssertionPack = {
  name: 'dvpDocumentedExclusions',
  description:
    'What the DVP documentation says the built-in audit policy leaves out because it changes constantly',
  source: dvpDocumentedPromises.source,
  items: [
    ...make(
      'Endpoints, EndpointSlice and Event objects are not recorded',
      'dvp-excluded.endpoints-events',
      { level: 'None' },
      undefined,
      [
        [
          'endpoints-update',
          'the endpoints controller updates Endpoints in kube-system',
          req('update', 'endpoints', {
            user: 'system:serviceaccount:kube-system:endpoint-controller',
            namespace: 'kube-system',
            name: 'kube-dns',
          }),
        ],
        [
          'endpointslices-update',
          'the EndpointSlice controller updates an EndpointSlice in kube-system',
          req('update', 'endpointslices', {
            user: 'system:serviceaccount:kube-system:endpointslice-controller',
            apiGroup: 'discovery.k8s.io',
            namespace: 'kube-system',
            name: 'kube-dns-x',
          }),
        ],
        [
          'events-create',
          'the kubelet creates a core Event',
          req('create', 'events', {
            user: 'system:node:worker-1',
            groups: ['system:nodes'],
            namespace: 'prod',
          }),
        ],
        [
          'events-list',
          'Events (events.k8s.io) are listed',
          req('list', 'events', { apiGroup: 'events.k8s.io', namespace: 'prod' }),
        ],
      ],
    ),
    ...make('Lease objects are not recorded', 'dvp-excluded.leases', { level: 'None' }, undefined, [
      [
        'update',
        'a node heartbeat renews its Lease',
        req('update', 'leases', {
          user: 'system:node:worker-1',
          groups: ['system:nodes'],
          apiGroup: 'coordination.k8s.io',
          namespace: 'kube-node-lease',
          name: 'worker-1',
        }),
      ],
    ]),
  ],
};
