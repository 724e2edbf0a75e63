import { describe, expect, it } from 'vitest';
import { canChase, daysLeftLabel, lightName, lightOfValue } from './board-labels.ts';

describe('board labels', () => {
  it.each([
    ['green', 12, '还剩 12 天'],
    ['yellow', 1, '还剩 1 天'],
    ['yellow', 0, '今天到期'],
    ['red', -3, '已逾期 3 天'],
    ['done', -3, '—'],
  ] as const)('daysLeftLabel(%s, %d) = %s', (light, days, expected) => {
    expect(daysLeftLabel(light, days)).toBe(expected);
  });

  it('names the lights as the contract does', () => {
    expect(lightName('red')).toBe('已逾期');
    expect(lightName('yellow')).toBe('临期');
    expect(lightName('green')).toBe('正常');
    expect(lightName('done')).toBe('已答复');
  });

  it('chases only what is not replied', () => {
    expect(canChase('red')).toBe(true);
    expect(canChase('green')).toBe(true);
    expect(canChase('done')).toBe(false);
  });

  it('reads a light from the URL', () => {
    expect(lightOfValue('red')).toBe('red');
    expect(lightOfValue('purple')).toBeUndefined();
    expect(lightOfValue(null)).toBeUndefined();
  });
});
