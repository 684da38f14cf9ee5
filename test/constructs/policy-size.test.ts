import { renderedSizeAtLeast } from '../../src/constructs/policy-size';
import { renderPolicy } from '../../src/policy/render';
import { validatePolicy } from '../../src/policy/validate';
import { random, randomPolicy } from '../policy/generated-policies';

describe('renderedSizeAtLeast', () => {
  test('property: a lower bound of the rendered YAML and of the JSON, on 500 seeded policies', () => {
    const next = random(2024);
    let checked = 0;
    for (let n = 0; n < 500; n++) {
      const policy = randomPolicy(next);
      if (validatePolicy(policy, { kubernetesVersion: '1.36' }).length > 0) continue;
      const size = renderedSizeAtLeast(policy, Number.MAX_SAFE_INTEGER);
      if (!('bytes' in size)) throw new Error('a generated policy has no cycle');
      expect(size.bytes).toBeLessThanOrEqual(
        Buffer.byteLength(renderPolicy(policy, { kubernetesVersion: '1.36' })),
      );
      expect(size.bytes).toBeLessThanOrEqual(Buffer.byteLength(JSON.stringify(policy)));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('stops at the limit, counts a shared node once per use, finds a cycle, survives deep nesting', () => {
    const shared = 'x'.repeat(1000);
    expect(renderedSizeAtLeast(Array(10_000).fill(shared), 50_000)).toEqual({ bytes: 1 + 50 * 1001 });
    const list = ['a'];
    expect(renderedSizeAtLeast({ a: list, b: list }, 1e6)).toEqual({ bytes: 1 + (2 + 1 + 2) * 2 });
    const cyclic: unknown[] = [];
    cyclic.push([cyclic]);
    expect(renderedSizeAtLeast({ rules: cyclic }, 1e6)).toEqual({ cycle: true });
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(renderedSizeAtLeast(deep, 1e9)).toEqual({ bytes: 100_000 + 2 });
  });
});
