import { describe, expect, it } from 'vitest';
import { innerWords, isContentWord, normalizeText, segmentWords } from './segment.ts';

describe('normalizeText', () => {
  it.each([
    ['數據共享', '数据共享'],
    ['Ａ３区', 'a3区'],
    ['ＷｉＦｉ覆盖', 'wifi覆盖'],
    ['２０２６年', '2026年'],
    ['老舊小區', '老旧小区'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('segmentWords', () => {
  it.each([
    ['A3区停车难', ['a3', '区', '停车难']],
    ['2026年', ['2026', '年']],
    ['WiFi覆盖和5G', ['wifi', '覆盖', '和', '5g']],
    ['Ａ３区', ['a3', '区']],
    ['！！，。、', []],
  ])('%s', (input, expected) => {
    const words = segmentWords(input);
    // jieba may split a new word differently; what matters is the Latin and number tokens and no punctuation.
    for (const word of expected.filter((item) => /[a-z0-9]/.test(item))) expect(words).toContain(word);
    if (expected.length === 0) expect(words).toEqual([]);
  });

  it('reads Traditional and Simplified text as the same words', () => {
    expect(segmentWords('數據共享平臺')).toEqual(segmentWords('数据共享平台'));
    expect(segmentWords('數據共享')).toEqual(['数据共享']);
  });
});

describe('innerWords', () => {
  it('finds the dictionary words inside a long word', () => {
    expect(innerWords('数据共享')).toEqual(expect.arrayContaining(['数据', '共享']));
  });

  it('is empty for short words', () => {
    expect(innerWords('数据')).toEqual([]);
    expect(innerWords('a')).toEqual([]);
  });
});

describe('isContentWord', () => {
  it.each([
    ['的', false],
    ['建议', false],
    ['电梯', true],
    ['a3', true],
    ['2026', true],
  ])('%s → %s', (word, expected) => {
    expect(isContentWord(word)).toBe(expected);
  });
});
