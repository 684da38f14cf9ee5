// Assertion pack `falcoNeedsBodies`: the request bodies runtime-audit-engine's Falco k8saudit rules read.
import { AssertionPack } from '../assertion-pack';
import { PolicyRule } from '../../policy/types';
import { make, RBAC, req } from './pack-items';

const FALCO_RBAC_FIX: PolicyRule[] = [
  {
    level: 'Request',
    verbs: ['create', 'update', 'patch'],
    resources: [{ group: RBAC, resources: ['rolebindings', 'clusterrolebindings'] }],
    omitStages: ['RequestReceived'],
  },
];

/**
 * What the Falco k8saudit rules of Deckhouse's runtime-audit-engine need: request bodies (≥ Request) of
 * Pod writes (images, privileges, mounts) and of RBAC object writes (granted permissions and bindings).
 */
export const falcoNeedsBodies: AssertionPack = {
  name: 'falcoNeedsBodies',
  description:
    'Pod and RBAC writes recorded with their request bodies, so runtime-audit-engine (Falco k8saudit) rules ' +
    'can inspect images and granted permissions',
  source: 'Deckhouse runtime-audit-engine module (Falco k8saudit rules fed by the audit webhook)',
  items: [
    ...make('Pod writes carry their bodies', 'falco.pods', { atLeast: 'Request' }, undefined, [
      ['create', 'a user creates a Pod', req('create', 'pods', { namespace: 'prod' })],
      [
        'create-by-controller',
        'the ReplicaSet controller creates a Pod',
        req('create', 'pods', {
          user: 'system:serviceaccount:kube-system:replicaset-controller',
          namespace: 'prod',
        }),
      ],
      ['update', 'a Pod is replaced', req('update', 'pods', { namespace: 'prod', name: 'web-0' })],
      ['patch', 'a Pod is patched', req('patch', 'pods', { namespace: 'prod', name: 'web-0' })],
    ]),
    ...(
      [
        ['roles', 'prod'],
        ['clusterroles', ''],
        ['rolebindings', 'prod'],
        ['clusterrolebindings', ''],
      ] as const
    ).flatMap(([resource, namespace]) =>
      make(
        `${resource} writes carry their bodies`,
        `falco.${resource}`,
        { atLeast: 'Request' },
        resource.endsWith('bindings') ? FALCO_RBAC_FIX : undefined,
        (['create', 'update', 'patch'] as const).map((verb) => [
          verb,
          `${verb} ${resource}`,
          req(verb, resource, { apiGroup: RBAC, namespace, ...(verb === 'create' ? {} : { name: 'x' }) }),
        ]),
      ),
    ),
  ],
};
