import { describe, expect, it } from 'vitest';
import { buildAnyWordTsquery, buildTsquery, buildWordsTsquery, isEmptyQuery, parseQuery } from './query.ts';
import { tenantLexeme } from './tsvector.ts';

const orgId = '01900000-0000-7000-8000-00000000abcd';
const tenant = `'${tenantLexeme(orgId)}'`;

describe('parseQuery', () => {
  it('reads Traditional as Simplified', () => {
    expect(parseQuery('數據共享')).toEqual(parseQuery('数据共享'));
    expect(parseQuery('數據共享').words).toEqual(['数据共享']);
  });

  it('keeps places, numbers and Latin words, full-width folded', () => {
    expect(parseQuery('Ａ３区').words).toEqual(parseQuery('A3区').words);
    expect(parseQuery('A3区').words).toContain('a3');
    expect(parseQuery('2026年').words).toContain('2026');
    expect(parseQuery('WiFi覆盖和5G').words).toEqual(['wifi', '覆盖', '5g']);
  });

  it('reads quoted text as a phrase, with the distance a stop word leaves', () => {
    const query = parseQuery('“数据的共享”');
    expect(query.parts).toEqual([{ words: ['数据', '共享'], phrase: true, distances: [2] }]);
    expect(parseQuery('"老旧 小区"').parts[0]).toMatchObject({ phrase: true, distances: [1] });
  });

  it('drops stop words and parts made only of them', () => {
    expect(parseQuery('关于 建议 电梯').words).toEqual(['电梯']);
    expect(isEmptyQuery(parseQuery('关于建议'))).toBe(true);
  });

  it('is empty for punctuation and spaces', () => {
    expect(isEmptyQuery(parseQuery('！？。，  …'))).toBe(true);
    expect(isEmptyQuery(parseQuery('""'))).toBe(true);
  });
});

describe('buildTsquery', () => {
  it('ANDs the parts and the tenant lexeme', () => {
    expect(buildTsquery(orgId, parseQuery('电梯 小区'))).toBe(`'电梯' & '小区' & ${tenant}`);
  });

  it('joins a phrase with distances', () => {
    expect(buildTsquery(orgId, parseQuery('"数据的共享"'))).toBe(`('数据' <2> '共享') & ${tenant}`);
  });

  it('quotes quotes and backslashes', () => {
    expect(buildWordsTsquery({ parts: [{ words: ["it's", 'a\\b'], phrase: false }], words: [] })).toBe("('it''s' & 'a\\\\b')");
  });

  it('of an empty query is only the tenant', () => {
    expect(buildTsquery(orgId, parseQuery('！'))).toBe(tenant);
  });
});

describe('buildAnyWordTsquery', () => {
  it('ORs the words within the tenant', () => {
    expect(buildAnyWordTsquery(orgId, ['电梯', '小区'])).toBe(`('电梯' | '小区') & ${tenant}`);
  });
});
