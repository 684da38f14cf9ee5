import { celRules } from '../../src/constructs/schema-cel';
import { ManifestValidator } from '../../src/constructs/schema-validation';
import { applyDefaults } from '../../src/constructs/schema-walk';

// ajv reports every alternative of a oneOf/anyOf; a user made one mistake. These fixtures are shaped like
// the ClusterLogDestination CRD (a oneOf discriminated by an enum, an anyOf of patterns, propertyNames).
const SCHEMA = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        buffer: {
          type: 'object',
          oneOf: [
            { properties: { disk: {}, type: { enum: ['Disk'] } }, required: ['disk', 'type'] },
            { properties: { memory: {}, type: { enum: ['Memory'] } }, required: ['memory', 'type'] },
          ],
          properties: {
            type: { type: 'string', enum: ['Disk', 'Memory'] },
            disk: { type: 'object', properties: { maxSize: { type: 'string' } } },
            memory: { type: 'object', properties: { maxEvents: { type: 'number' } } },
            whenFull: { type: 'string', default: 'Block' },
          },
        },
        labels: {
          type: 'object',
          additionalProperties: {
            type: 'string',
            anyOf: [{ pattern: '^[a-z]+$' }, { pattern: '^\\{\\{ .+ \\}\\}$' }],
          },
        },
        set: { type: 'object', propertyNames: { pattern: '^\\.' }, additionalProperties: { type: 'string' } },
        block: {
          type: 'object',
          required: ['labels'],
          properties: { labels: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  },
};

const validator = new ManifestValidator((file) => {
  if (file !== 'clusterlogdestination.v1alpha1.json') throw new Error(file);
  return SCHEMA;
});

function errorsOf(spec: Record<string, unknown>) {
  return validator
    .errorsOf({
      apiVersion: 'deckhouse.io/v1alpha1',
      kind: 'ClusterLogDestination',
      metadata: { name: 'd' },
      spec,
    })
    .map(({ field, keyword, message, value, location }) => ({ field, keyword, message, value, location }));
}

describe('reduceSchemaErrors: one error per mistake', () => {
  test('of a oneOf, only the alternative the discriminator chose', () => {
    expect(errorsOf({ buffer: { type: 'Disk' } })).toEqual([
      {
        field: '/spec/buffer/disk',
        keyword: 'required',
        message: "must have required property 'disk'",
        value: undefined,
        location: 'spec.buffer.disk',
      },
    ]);
  });

  test('a discriminator outside the enum is the one mistake, not the oneOf', () => {
    expect(errorsOf({ buffer: { type: 'Ram' } }).map((e) => [e.field, e.keyword, e.value])).toEqual([
      ['/spec/buffer/type', 'enum', 'Ram'],
    ]);
  });

  test('an anyOf of patterns is one error listing them', () => {
    expect(errorsOf({ labels: { a: 'A B' } })).toEqual([
      {
        field: '/spec/labels/a',
        keyword: 'anyOf',
        message: 'must match one of: must match pattern "^[a-z]+$"; must match pattern "^\\{\\{ .+ \\}\\}$"',
        value: 'A B',
        location: 'spec.labels.*',
      },
    ]);
  });

  test('an anyOf failed by several values is one error per value, each listing only its own alternatives', () => {
    // ajv reports the same schema position (additionalProperties/anyOf) once per key: the alternatives of one
    // key were gathered into the first key's message ("... and must match pattern ..." three times).
    const expected =
      'must match one of: must match pattern "^[a-z]+$"; must match pattern "^\\{\\{ .+ \\}\\}$"';
    expect(errorsOf({ labels: { a: 'A B', b: '1:20', c: '~' } })).toEqual(
      ['a', 'b', 'c'].map((key, i) => ({
        field: `/spec/labels/${key}`,
        keyword: 'anyOf',
        message: expected,
        value: ['A B', '1:20', '~'][i],
        location: 'spec.labels.*',
      })),
    );
  });

  test('a bad property name is one error about that key', () => {
    expect(errorsOf({ set: { env: 'x' } })).toEqual([
      {
        field: '/spec/set/env',
        keyword: 'pattern',
        message: 'property name "env" must match pattern "^\\."',
        value: 'env',
        location: 'spec.set.*',
      },
    ]);
  });

  test('a misspelt required property is one error with the likely name', () => {
    expect(errorsOf({ block: { label: ['x'] } })).toEqual([
      {
        field: '/spec/block/label',
        keyword: 'additionalProperties',
        message: 'must NOT have additional properties: "label" (did you mean "labels"?)',
        value: ['x'],
        location: 'spec.block.label',
      },
    ]);
    // An unrelated unknown key leaves both errors.
    expect(errorsOf({ block: { colour: 'red' } }).map((e) => e.keyword)).toEqual([
      'required',
      'additionalProperties',
    ]);
  });
});

describe('applyDefaults (the apiserver defaults before it validates)', () => {
  test('fills missing fields under properties, additionalProperties and items only', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', default: 'x' },
        list: { type: 'array', items: { type: 'object', properties: { b: { type: 'number', default: 1 } } } },
        map: {
          type: 'object',
          additionalProperties: { type: 'object', properties: { c: { default: true } } },
        },
        alt: { oneOf: [{ properties: { d: { default: 'no' } } }] },
      },
    };
    const value: Record<string, unknown> = { list: [{}, { b: 2 }], map: { k: {} }, alt: {} };
    applyDefaults(schema, value);
    expect(value).toEqual({ a: 'x', list: [{ b: 1 }, { b: 2 }], map: { k: { c: true } }, alt: {} });
  });
});

describe('celRules', () => {
  test('reads the two rule shapes of the ClusterLogDestination CRD', () => {
    expect(
      celRules({
        'x-kubernetes-validations': [
          { message: 'reserved', rule: "!(['pod', 'node'].exists(k, k in self))" },
          { message: 'not parsed_data', rule: 'self != ".parsed_data"' },
        ],
      }),
    ).toEqual([
      { message: 'reserved', forbiddenKeys: ['pod', 'node'] },
      { message: 'not parsed_data', forbiddenValue: '.parsed_data' },
    ]);
  });

  test('a rule of another shape is not guessed at', () => {
    expect(() => celRules({ 'x-kubernetes-validations': [{ rule: 'self.size() < 10' }] })).toThrow(
      'unsupported x-kubernetes-validations rule: self.size() < 10',
    );
  });
});
