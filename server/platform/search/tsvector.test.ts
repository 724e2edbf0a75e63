import { describe, expect, it } from 'vitest';
import { buildTsvector, quoteLexeme, tenantLexeme } from './tsvector.ts';

const orgId = '01900000-0000-7000-8000-00000000abcd';

/** The lexemes of a tsvector literal with their positions. */
function lexemes(literal: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of literal.matchAll(/'((?:[^']|'')*)'(?::(\S+))?/g)) map.set(match[1].replace(/''/g, "'"), match[2] ?? '');
  return map;
}

describe('quoteLexeme', () => {
  it.each([
    ['电梯', "'电梯'"],
    ["it's", "'it''s'"],
    ['a\\b', "'a\\\\b'"],
    ["'\\'", "'''\\\\'''"],
  ])('%s → %s', (word, expected) => {
    expect(quoteLexeme(word)).toBe(expected);
  });
});

describe('tenantLexeme', () => {
  it('is the org id without dashes behind ~o', () => {
    expect(tenantLexeme(orgId)).toBe('~o0190000000007000800000000000abcd');
  });
});

describe('buildTsvector', () => {
  it('weights title A and body B, and always holds the tenant lexeme', () => {
    const words = lexemes(
      buildTsvector(orgId, [
        { text: '加装电梯', weight: 'A' },
        { text: '老旧小区电梯', weight: 'B' },
      ]),
    );
    expect(words.get('电梯')).toMatch(/^\d+A,\d+B$/);
    expect(words.get('老旧')).toMatch(/^\d+B$/);
    expect(words.has(tenantLexeme(orgId))).toBe(true);
  });

  it('puts the inner words of a long word at its position, in Simplified', () => {
    const words = lexemes(buildTsvector(orgId, [{ text: '數據共享', weight: 'A' }]));
    expect(words.get('数据共享')).toBe('1A');
    expect(words.get('数据')).toBe('1A');
    expect(words.get('共享')).toBe('1A');
  });

  it('leaves out stop words but counts their positions', () => {
    const words = lexemes(buildTsvector(orgId, [{ text: '数据的共享', weight: 'B' }]));
    expect(words.has('的')).toBe(false);
    expect(words.get('数据')).toBe('1B');
    expect(words.get('共享')).toBe('3B');
  });

  it('indexes numbers, places and Latin words as typed, full-width folded', () => {
    const words = lexemes(buildTsvector(orgId, [{ text: 'Ａ３区2026年WiFi覆盖和5G', weight: 'A' }]));
    for (const word of ['a3', '2026', 'wifi', '5g']) expect(words.has(word)).toBe(true);
  });
});
