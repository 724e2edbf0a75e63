import { describe, expect, it } from 'vitest';
import { defaultCriteria } from '../../../../contracts/appraisal.ts';
import {
  appraisalStateColor,
  averageText,
  canSeeResults,
  criteriaBody,
  maxTotal,
  mayScore,
  offeredAppraisalActions,
  scoreBody,
  scoreFormProblems,
  scoreTotal,
  scoringProgress,
} from './appraisal-rules.ts';

const criteria = defaultCriteria;

describe('appraisal rules', () => {
  it.each([
    ['a complete form', { attitude: 30, communication: 0, result: 40 }, []],
    ['a missing criterion', { attitude: 30, communication: 20, result: null }, ['请为“办理成效”打分']],
    ['over the maximum', { attitude: 31, communication: 20, result: 10 }, ['“办理态度”应在 0 到 30 分之间']],
    ['a fraction', { attitude: 1.5, communication: 20, result: 10 }, ['“办理态度”应为整数']],
  ])('checks %s', (_name, scores, problems) => {
    expect(scoreFormProblems(criteria, scores)).toEqual(problems);
  });

  it('adds up the form and its maximum', () => {
    expect(maxTotal(criteria)).toBe(100);
    expect(scoreTotal(criteria, { attitude: 28, communication: 27, result: undefined })).toBe(55);
  });

  it('sends only the criteria and a trimmed comment', () => {
    expect(scoreBody('u1', criteria, { attitude: 28, communication: 27, result: 30, extra: 5 }, '  ')).toEqual({
      unitId: 'u1',
      scores: { attitude: 28, communication: 27, result: 30 },
    });
    expect(scoreBody('u1', criteria, { attitude: 1, communication: 2, result: 3 }, ' 态度积极 ').comment).toBe('态度积极');
  });

  it('counts the units the member scored', () => {
    expect(scoringProgress([{ myTotal: 85 }, { myTotal: null }, { myTotal: 0 }])).toEqual({ scored: 2, total: 3 });
  });

  it('keeps valid codes and gives the others fresh letter codes', () => {
    expect(
      criteriaBody([
        { key: 'attitude', name: ' 办理态度 ', max: 30 },
        { name: '办理时效', max: 20 },
        { key: 'attitude', name: '重复', max: 10 },
        { key: 'Bad-Key1', name: '无效', max: 10 },
        { key: 'criterion_a', name: '已用', max: 10 },
      ]),
    ).toEqual([
      { key: 'attitude', name: '办理态度', max: 30 },
      { key: 'criterion_b', name: '办理时效', max: 20 },
      { key: 'criterion_c', name: '重复', max: 10 },
      { key: 'criterion_d', name: '无效', max: 10 },
      { key: 'criterion_a', name: '已用', max: 10 },
    ]);
    const many = criteriaBody(Array.from({ length: 28 }, (_, index) => ({ name: `项${index}`, max: 1 })));
    expect(many.at(-1)?.key).toBe('criterion_ab');
    expect(many.every((item) => /^[a-z_]+$/.test(item.key))).toBe(true);
  });

  it('shows results to staff at any time and to everyone once published', () => {
    expect(canSeeResults(['proposal_office'], 'open')).toBe(true);
    expect(canSeeResults(['leader'], 'closed')).toBe(true);
    expect(canSeeResults(['member'], 'closed')).toBe(false);
    expect(canSeeResults(['member'], 'published')).toBe(true);
    expect(mayScore(['member'], 'open')).toBe(true);
    expect(mayScore(['member'], 'closed')).toBe(false);
    expect(mayScore(['proposal_office'], 'open')).toBe(false);
  });

  it('lists offered moves in order, colours states and explains missing averages', () => {
    expect(
      offeredAppraisalActions({
        actions: [
          { action: 'publish', label: '公布结果', needsReason: false },
          { action: 'close', label: '结束评分', needsReason: false },
        ],
      }),
    ).toEqual(['close', 'publish']);
    expect(appraisalStateColor('published')).toBe('green');
    expect(averageText({ valid: true, average: 82.5, scorers: 2 }, 2)).toBe('82.5');
    expect(averageText({ valid: false, average: null, scorers: 1 }, 5)).toBe('评分人数不足（1/5）');
  });
});
