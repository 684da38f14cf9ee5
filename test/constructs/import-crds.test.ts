import type { ValidateFunction } from 'ajv';
import {
  GENERATED_HEADER,
  renderValidator,
  renderValidators,
  stripCrd,
  stripSchema,
  validatorFile,
} from '../../scripts/import-crds';
import {
  compileSchema,
  CONTROL_PLANE_MANAGER_SETTINGS_FILE,
  kubernetesAjv,
} from '../../src/constructs/schema-compile';

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

// The generated validator is ajv's standalone code of the schema as the run time prepares it: load it as the
// CommonJS module it is and compare it with a run-time compile on values that exercise each preparation.
describe('import-crds: renderValidator', () => {
  const SCHEMA = {
    type: 'object',
    'x-kubernetes-validations': [{ rule: 'self != "x"', message: 'no x' }],
    properties: {
      spec: {
        type: 'object',
        properties: {
          name: { type: 'string', maxLength: 3, pattern: '^[a-z]+$' },
          label: { type: 'string', maxLength: 3 },
          mode: { type: 'string', enum: ['TCP', 'UDP'], default: 'TCP' },
          open: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: {} } },
          buffer: {
            type: 'object',
            oneOf: [
              { properties: { type: { enum: ['Disk'] } }, required: ['type', 'disk'] },
              { properties: { type: { enum: ['Memory'] } }, required: ['type'] },
            ],
            properties: { type: { type: 'string' }, disk: { type: 'object' } },
          },
        },
      },
    },
  };

  function load(code: string): ValidateFunction {
    const module = { exports: {} as unknown };
    new Function('module', 'exports', 'require', code)(module, module.exports, require);
    return module.exports as ValidateFunction;
  }

  // [case, value, valid]: closed objects and preserved unknown fields as prepareSchema makes them; maxLength
  // counts code points, as go-openapi's MaxLength (utf8.RuneCountInString) does for the apiserver.
  const VALUES: ReadonlyArray<[string, unknown, boolean]> = [
    [
      'valid',
      { apiVersion: 'deckhouse.io/v1alpha1', kind: 'Thing', metadata: { name: 'a' }, spec: { name: 'ab' } },
      true,
    ],
    ['unknown field (objects are closed)', { spec: { nam: 'ab' } }, false],
    ['unknown field where the schema preserves unknown fields', { spec: { open: { b: 1 } } }, true],
    [
      'three code points (six UTF-16 units) within maxLength 3',
      { spec: { label: '\u{1F600}'.repeat(3) } },
      true,
    ],
    ['four code points over maxLength 3', { spec: { label: '\u{1F600}'.repeat(4) } }, false],
    ['maxLength and pattern', { spec: { name: 'ABCD' } }, false],
    ['enum', { spec: { mode: 'SCTP' } }, false],
    ['a oneOf branch', { spec: { buffer: { type: 'Disk' } } }, false],
    ['the other oneOf branch', { spec: { buffer: { type: 'Memory' } } }, true],
    ['no oneOf branch', { spec: { buffer: { type: 'Ram' } } }, false],
    ['a wrong type at the root', 'x', false],
  ];

  test.each(VALUES)('the generated validator and a run-time compile agree: %s', (_, value, valid) => {
    const file = 'thing.v1alpha1.json';
    const generated = load(renderValidator(file, JSON.stringify(SCHEMA)));
    const compiled = compileSchema(kubernetesAjv(), file, SCHEMA);
    expect(generated(value)).toBe(valid);
    expect(compiled(value)).toBe(valid);
    expect(generated.errors ?? null).toEqual(compiled.errors ?? null);
  });

  test('a CRD schema validates whole objects; the settings schema validates settings as they are', () => {
    const object = { apiVersion: 'v', kind: 'K', metadata: {}, spec: {} };
    expect(load(renderValidator('thing.v1alpha1.json', JSON.stringify(SCHEMA)))(object)).toBe(true);
    const settings = load(renderValidator(CONTROL_PLANE_MANAGER_SETTINGS_FILE, JSON.stringify(SCHEMA)));
    expect(settings(object)).toBe(false);
    expect(settings.errors?.map((e) => e.params)).toEqual([
      { additionalProperty: 'apiVersion' },
      { additionalProperty: 'kind' },
      { additionalProperty: 'metadata' },
    ]);
  });

  test('says it is generated, depends on the schema only, and avoids the word tsx scans CommonJS files for', () => {
    const first = renderValidator('thing.v1alpha1.json', JSON.stringify(SCHEMA));
    expect(first.split('\n')[0]).toMatch(
      /^\/\/ Generated file, do not edit: the ajv validator of thing\.v1alpha1\.json/,
    );
    expect(renderValidator('thing.v1alpha1.json', JSON.stringify(SCHEMA))).toBe(first);
    expect(first).not.toContain('import');
  });

  test('renderValidators: one module per schema and an index that requires each on first use', () => {
    const files = renderValidators(
      new Map([
        ['b.v1.json', JSON.stringify({ type: 'object' })],
        ['a.v1.json', JSON.stringify({ type: 'object' })],
      ]),
    );
    expect([...files.keys()]).toEqual(['b.v1.validate.cjs', 'a.v1.validate.cjs', 'validators.ts']);
    expect(validatorFile('control-plane-manager.settings.json')).toBe(
      'control-plane-manager.settings.validate.cjs',
    );
    const index = files.get('validators.ts') ?? '';
    expect(index.startsWith(GENERATED_HEADER)).toBe(true);
    expect(index).toContain("  'b.v1.json': () => require('./b.v1.validate.cjs'),\n");
    expect(index).toContain("  'a.v1.json': () => require('./a.v1.validate.cjs'),\n");
  });
});
