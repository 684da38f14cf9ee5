import * as fs from 'fs';
import * as path from 'path';
import { buildExampleApp } from '../../main';
import { synthFiles } from '../support/synth';
import { ManifestValidator } from '../../src/constructs/schema-validation';
import { parseAllDocuments } from 'yaml';

const DIST = path.resolve(__dirname, '../../dist');

// dist/ is what Argo CD applies: it must be exactly what the example app synthesizes today.
describe('committed dist/', () => {
  const rendered = { files: synthFiles(buildExampleApp()) };

  test('has exactly the files a fresh synth writes', () => {
    const committed = fs
      .readdirSync(DIST)
      .filter((f) => f.endsWith('.k8s.yaml'))
      .sort();
    expect(committed).toEqual([...rendered.files.keys()].sort());
  });

  test.each([...synthFiles(buildExampleApp()).keys()])(
    '%s is byte-identical to a fresh synth (run `npx cdk8s synth`)',
    (name) => {
      expect(fs.readFileSync(path.join(DIST, name), 'utf8')).toBe(rendered.files.get(name));
    },
  );

  test('every committed object is valid against the schemas', () => {
    const validator = new ManifestValidator();
    for (const name of rendered.files.keys()) {
      const objects = parseAllDocuments(fs.readFileSync(path.join(DIST, name), 'utf8')).map((d) => d.toJS());
      expect(objects.length).toBeGreaterThan(0);
      expect(validator.validateAll(objects)).toEqual([]);
    }
  });
});
