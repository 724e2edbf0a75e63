import { describe, expect, it } from 'vitest';
import { bulkSelectable, bulkSummary, decisionName, publishBlocker, removedSummary } from './publication-rules.ts';

const row = { isSecret: false, agreesToPublish: true, publicationDecision: null };

describe('publication rules', () => {
  it.each([
    [{ ...row }, null, true],
    [{ ...row, isSecret: true }, '涉密', false],
    [{ ...row, agreesToPublish: false }, '提案人不同意公开', false],
    [{ ...row, publicationDecision: 'published' as const }, null, false],
    [{ ...row, publicationDecision: 'not_published' as const }, null, false],
  ])('row %o: blocker %s, bulk %s', (input, blocker, selectable) => {
    expect(publishBlocker(input)).toBe(blocker);
    expect(bulkSelectable(input)).toBe(selectable);
  });

  it('names decisions', () => {
    expect(decisionName(null)).toBe('待决定');
    expect(decisionName('partly_published')).toBe('部分公开');
  });

  it('sums up a bulk publication with the distinct reasons', () => {
    expect(bulkSummary({ published: 2, items: [{ ok: true, detail: null }] })).toBe('已公开 2 件');
    expect(
      bulkSummary({
        published: 1,
        items: [
          { ok: true, detail: null },
          { ok: false, detail: '涉密提案不得公开' },
          { ok: false, detail: '涉密提案不得公开' },
        ],
      }),
    ).toBe('已公开 1 件，2 件未公开：涉密提案不得公开');
  });

  it('says what the redaction removed', () => {
    expect(removedSummary([])).toBeNull();
    expect(
      removedSummary([
        { kind: '手机号', count: 2 },
        { kind: '邮箱', count: 0 },
        { kind: '身份证号', count: 1 },
      ]),
    ).toBe('已自动去除：手机号 2 处、身份证号 1 处');
  });
});
