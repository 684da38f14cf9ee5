import * as fs from 'fs';
import * as path from 'path';
import { deckhouseEffectivePolicy } from '../src/deckhouse/effective';
import { readMergedAuditPolicy } from '../src/deckhouse/merged-policy';
import { loadPolicy } from '../src/policy/parse';
import { renderAsDeckhouseWrites } from '../test/support/deckhouse-merged-file';

// Real-world custom policies (../shared/upstream/kubernetes/policies) on a Deckhouse cluster: merged with the
// built-in rules the way control-plane-manager writes the file, their rules must read back as exactly the
// custom layer; alone, they are refused as "not a merged Deckhouse policy", never misread or thrown on.

const POLICIES = path.resolve(__dirname, '../../shared/upstream/kubernetes/policies');
const files = fs.readdirSync(POLICIES).filter((f) => /\.ya?ml$/.test(f));

describe.each(files)('%s', (file) => {
  const text = fs.readFileSync(path.join(POLICIES, file), 'utf8');
  const loaded = loadPolicy(text, { kubernetesVersion: '1.36' });

  it('merged as the custom policy, reads back as the custom layer and rebuilds the file', () => {
    // EKS's policy is not valid as a whole (see real-world-policies-load); Deckhouse would refuse it too.
    if (loaded.errors.length > 0) {
      expect(file).toBe('eks-best-practices.yaml');
      return;
    }
    const written = deckhouseEffectivePolicy({ customPolicy: loaded.policy });
    const merged = readMergedAuditPolicy(renderAsDeckhouseWrites(written.policy), { source: file });
    expect(merged.errors).toEqual([]);
    expect(merged.origins).toEqual(written.origins);
    expect(merged.differences!.same).toBe(true);
    const again = deckhouseEffectivePolicy({
      basicRules: merged.builtInRules,
      customPolicy: merged.customPolicy,
    });
    expect(again.policy.rules).toEqual(merged.policy!.rules);
    expect(again.policy.omitStages).toEqual(merged.policy!.omitStages);
  });

  it('alone, is refused as not a merged Deckhouse policy', () => {
    const alone = readMergedAuditPolicy(text, { source: file });
    expect(alone.builtInRules).toBeUndefined();
    expect(alone.errors.length).toBeGreaterThan(0);
    if (loaded.errors.length === 0)
      expect(alone.errors[0].message).toMatch(/is not a merged Deckhouse policy/);
  });
});
