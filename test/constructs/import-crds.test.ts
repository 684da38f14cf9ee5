import { stripCrd, stripSchema } from '../../scripts/import-crds';

// Inline fixtures: the unit suite must not read ../shared.
describe('import-crds: stripSchema', () => {
  test('removes description keys everywhere in schema positions', () => {
    const schema = {
      type: 'object',
      description: 'top',
      properties: {
        spec: {
          type: 'object',
          description: 'spec',
          properties: { a: { type: 'string', description: 'a' } },
          oneOf: [{ description: 'branch', required: ['a'] }],
          additionalProperties: { type: 'string', description: 'value' },
        },
        list: {
          type: 'array',
          items: { type: 'object', description: 'item', properties: { b: { type: 'integer' } } },
        },
      },
      not: { description: 'n', required: ['x'] },
    };
    expect(stripSchema(schema)).toEqual({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: { a: { type: 'string' } },
          oneOf: [{ required: ['a'] }],
          additionalProperties: { type: 'string' },
        },
        list: { type: 'array', items: { type: 'object', properties: { b: { type: 'integer' } } } },
      },
      not: { required: ['x'] },
    });
  });

  test('a property NAMED description stays, and default/enum values are not touched', () => {
    const schema = {
      type: 'object',
      properties: {
        description: { type: 'string', description: 'the description field' },
        meta: { type: 'object', default: { description: 'kept' }, enum: [{ description: 'kept too' }] },
      },
      required: ['description'],
    };
    expect(stripSchema(schema)).toEqual({
      type: 'object',
      properties: {
        description: { type: 'string' },
        meta: { type: 'object', default: { description: 'kept' }, enum: [{ description: 'kept too' }] },
      },
      required: ['description'],
    });
  });

  test('doc-only extensions and the misspelt "descriptions" go; x-kubernetes keys stay', () => {
    const schema = {
      type: 'object',
      'x-doc-examples': [{ a: 1 }],
      'x-examples': [1],
      descriptions: 'typo in the upstream CRD',
      'x-kubernetes-preserve-unknown-fields': true,
      'x-config-version': 3,
    };
    expect(stripSchema(schema)).toEqual({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      'x-config-version': 3,
    });
    expect(stripSchema(schema, 'keep-kubernetes')).toEqual({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
  });
});

describe('import-crds: stripCrd', () => {
  test('strips schemas and printer column descriptions, keeps everything else', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'things.deckhouse.io' },
      spec: {
        group: 'deckhouse.io',
        names: { kind: 'Thing', plural: 'things' },
        scope: 'Cluster',
        versions: [
          {
            name: 'v1alpha1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                description: 'x',
                properties: { spec: { type: 'object', description: 'y' } },
              },
            },
            additionalPrinterColumns: [
              { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'z' },
            ],
          },
        ],
      },
    };
    expect(stripCrd(crd)).toEqual({
      ...crd,
      spec: {
        ...crd.spec,
        versions: [
          {
            name: 'v1alpha1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } } } },
            additionalPrinterColumns: [
              { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
            ],
          },
        ],
      },
    });
  });
});
