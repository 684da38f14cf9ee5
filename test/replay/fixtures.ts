import * as fs from 'fs';
import * as path from 'path';
import { loadPolicy } from '../../src/policy';
import type { Policy } from '../../src/policy/types';

/** test/fixtures/replay, its hand-made log (basic.log) and policy A, shared by the replay tests. */
export const FIXTURES = path.resolve(__dirname, '../fixtures/replay');
export const LOG = path.join(FIXTURES, 'basic.log');
export const LINES = fs.readFileSync(LOG, 'utf8').split('\n');
export const policyA = (): Policy =>
  loadPolicy(fs.readFileSync(path.join(FIXTURES, 'policy-a.yaml'), 'utf8')).policy!;
export const MiB = 1024 * 1024;
