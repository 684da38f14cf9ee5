import { closestMatch } from '../../src/policy/did-you-mean';

describe('closestMatch', () => {
  it.each([
    ['verb', 'verbs'],
    ['vrebs', 'verbs'],
    ['LEVEL', 'level'],
    ['nonResource', 'nonResourceURLs'],
    ['namspaces', 'namespaces'],
  ])('suggests %s -> %s', (word, expected) => {
    expect(closestMatch(word, ['level', 'verbs', 'namespaces', 'nonResourceURLs'])).toBe(expected);
  });
  it('stays quiet when nothing is close', () => {
    expect(closestMatch('on', ['no', 'level'])).toBeUndefined();
    expect(closestMatch('frobnicate', ['level', 'verbs'])).toBeUndefined();
  });
});
