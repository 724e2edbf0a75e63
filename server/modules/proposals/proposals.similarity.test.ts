import { describe, expect, it } from 'vitest';
import { characterBigrams, diceScore, similarity } from './proposals.similarity.ts';

describe('characterBigrams', () => {
  it.each([
    ['加装电梯', ['加装', '装电', '电梯']],
    ['加装 电梯！', ['加装', '装电', '电梯']],
    ['梯', ['梯']],
    ['', []],
    ['Bus Line', ['bu', 'us', 'sl', 'li', 'in', 'ne']],
  ])('%s → %j', (text, expected) => expect([...characterBigrams(text)]).toEqual(expected));
});

describe('diceScore', () => {
  it.each([
    ['老旧小区', '老旧小区', 1],
    ['老旧小区', '农村饮水', 0],
    ['', '老旧小区', 0],
    ['加装电梯', '电梯加装', 2 / 3],
  ])('%s ~ %s → %d', (left, right, expected) =>
    expect(diceScore(characterBigrams(left), characterBigrams(right))).toBeCloseTo(expected, 5),
  );
});

describe('similarity', () => {
  it('ranks a proposal on the same matter above one on another matter', () => {
    const query = { title: '关于老旧小区加装电梯的建议', keywords: ['电梯'] };
    const same = similarity(query, { title: '关于推进老旧小区电梯加装工作的建议', keywords: ['加装电梯'] });
    const other = similarity(query, { title: '关于加强农村饮水安全的建议', keywords: [] });
    expect(same).toBeGreaterThan(0.5);
    expect(other).toBeLessThan(same);
  });

  it('lets shared keywords raise the score of different titles', () => {
    const without = similarity({ title: '社区养老', keywords: [] }, { title: '居家服务', keywords: ['社区养老'] });
    expect(without).toBeGreaterThan(0);
    expect(similarity({ title: '社区养老', keywords: [] }, { title: '居家服务', keywords: [] })).toBe(0);
  });
});
