import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRate, formatTime, greetingFor } from './format.ts';

describe('dates in Asia/Shanghai', () => {
  it.each([
    ['2026-11-22T03:00:00Z', '2026年11月22日'],
    ['2026-11-21T16:30:00Z', '2026年11月22日'], // 00:30 the next day in Shanghai
    ['2026-11-22', '2026年11月22日'], // a business date stays that calendar day
    ['2026-01-05', '2026年1月5日'],
    [null, '—'],
    ['', '—'],
    ['not a date', '—'],
  ])('formatDate(%s) = %s', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });

  it('formats date and time on the 24-hour clock', () => {
    expect(formatDateTime('2026-11-22T00:05:00Z')).toBe('2026年11月22日 08:05');
    expect(formatDateTime('2026-11-21T16:00:00Z')).toBe('2026年11月22日 00:00');
    expect(formatTime('2026-11-22T12:45:00Z')).toBe('20:45');
  });
});

describe('numbers and rates', () => {
  it('groups thousands', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(null)).toBe('—');
  });
  it('shows a rate from its numerator and denominator, and a dash for none', () => {
    expect(formatRate(6, 7)).toBe('85.7%');
    expect(formatRate(1, 3, 0)).toBe('33%');
    expect(formatRate(0, 0)).toBe('—');
  });
});

describe('greetingFor', () => {
  it.each([
    ['2026-11-22T01:00:00Z', '上午好'], // 09:00
    ['2026-11-22T06:00:00Z', '下午好'], // 14:00
    ['2026-11-22T12:00:00Z', '晚上好'], // 20:00
    ['2026-11-21T18:00:00Z', '夜深了'], // 02:00
  ])('%s → %s', (instant, expected) => {
    expect(greetingFor(new Date(instant))).toBe(expected);
  });
});
