import { describe, expect, it } from 'vitest';
import { addUnit, isPlanValid, planForServer, planFromSuggestions, planProblems, withMode } from './assignment-plan.ts';

describe('plan validation (the server rules)', () => {
  it('wants exactly one unit for 单办', () => {
    expect(isPlanValid({ mode: 'sole', unitIds: ['u1'], coUnitIds: [] })).toBe(true);
    expect(planProblems({ mode: 'sole', unitIds: [], coUnitIds: [] })).toEqual(['单办须选择一个承办单位']);
    expect(planProblems({ mode: 'sole', unitIds: ['u1', 'u2'], coUnitIds: [] })).toEqual(['单办须选择一个承办单位']);
  });

  it('wants two or more units for 分办', () => {
    expect(isPlanValid({ mode: 'parallel', unitIds: ['u1', 'u2'], coUnitIds: [] })).toBe(true);
    expect(planProblems({ mode: 'parallel', unitIds: ['u1'], coUnitIds: [] })).toEqual(['分办须选择至少两个承办单位']);
  });

  it('wants one lead and at least one co-handler for 主办+会办', () => {
    expect(isPlanValid({ mode: 'lead', unitIds: ['u1'], coUnitIds: ['u2', 'u3'] })).toBe(true);
    expect(planProblems({ mode: 'lead', unitIds: ['u1'], coUnitIds: [] })).toEqual(['主办+会办须选择至少一个会办单位']);
    expect(planProblems({ mode: 'lead', unitIds: [], coUnitIds: ['u2'] })).toEqual(['主办+会办须选择一个主办单位']);
    expect(planProblems({ mode: 'lead', unitIds: ['u1', 'u2'], coUnitIds: ['u3'] })).toEqual(['主办+会办须选择一个主办单位']);
  });

  it('refuses a unit named twice and co-handlers outside lead mode', () => {
    expect(planProblems({ mode: 'lead', unitIds: ['u1'], coUnitIds: ['u1'] })).toEqual(['同一单位不能重复选择']);
    expect(planProblems({ mode: 'parallel', unitIds: ['u1', 'u1'], coUnitIds: [] })).toEqual(['同一单位不能重复选择']);
    expect(planProblems({ mode: 'sole', unitIds: ['u1'], coUnitIds: ['u2'] })).toEqual(['只有主办+会办才有会办单位']);
  });

  it('refuses more than 20 units', () => {
    const many = Array.from({ length: 21 }, (_, index) => `u${index}`);
    expect(planProblems({ mode: 'parallel', unitIds: many, coUnitIds: [] })).toEqual(['承办单位最多 20 个']);
  });

  it('sends co-handlers only in lead mode', () => {
    expect(planForServer({ mode: 'parallel', unitIds: ['u1', 'u2'], coUnitIds: ['u3'] }).coUnitIds).toEqual([]);
  });
});

describe('changing the mode keeps the units', () => {
  it('moves units between the lists', () => {
    const lead = { mode: 'lead' as const, unitIds: ['u1'], coUnitIds: ['u2', 'u3'] };
    expect(withMode(lead, 'parallel')).toEqual({ mode: 'parallel', unitIds: ['u1', 'u2', 'u3'], coUnitIds: [] });
    expect(withMode(lead, 'sole')).toEqual({ mode: 'sole', unitIds: ['u1'], coUnitIds: [] });
    expect(withMode({ mode: 'parallel', unitIds: ['u1', 'u2'], coUnitIds: [] }, 'lead')).toEqual({
      mode: 'lead',
      unitIds: ['u1'],
      coUnitIds: ['u2'],
    });
  });
});

describe('pre-filling from suggestions', () => {
  it('takes one category default as 单办', () => {
    expect(
      planFromSuggestions([
        { unitId: 'h', unitName: '住建局', score: 0.9, sources: ['history'] },
        { unitId: 'c', unitName: '民政局', score: 0.6, sources: ['category'] },
      ]),
    ).toEqual({ mode: 'sole', unitIds: ['c'], coUnitIds: [] });
  });

  it('makes several category defaults 主办+会办, best first', () => {
    expect(
      planFromSuggestions([
        { unitId: 'c2', unitName: '卫健委', score: 0.5, sources: ['category'] },
        { unitId: 'c1', unitName: '民政局', score: 0.8, sources: ['category', 'history'] },
      ]),
    ).toEqual({ mode: 'lead', unitIds: ['c1'], coUnitIds: ['c2'] });
  });

  it('falls back to the best history suggestion, or nothing', () => {
    expect(planFromSuggestions([{ unitId: 'h', unitName: '住建局', score: 0.4, sources: ['history'] }]).unitIds).toEqual(['h']);
    expect(planFromSuggestions([])).toEqual({ mode: 'sole', unitIds: [], coUnitIds: [] });
  });

  it('adds a suggested unit where the mode wants it', () => {
    expect(addUnit({ mode: 'sole', unitIds: ['a'], coUnitIds: [] }, 'b').unitIds).toEqual(['b']);
    expect(addUnit({ mode: 'parallel', unitIds: ['a'], coUnitIds: [] }, 'b').unitIds).toEqual(['a', 'b']);
    expect(addUnit({ mode: 'lead', unitIds: [], coUnitIds: [] }, 'b').unitIds).toEqual(['b']);
    expect(addUnit({ mode: 'lead', unitIds: ['a'], coUnitIds: [] }, 'b').coUnitIds).toEqual(['b']);
    const plan = { mode: 'lead' as const, unitIds: ['a'], coUnitIds: ['b'] };
    expect(addUnit(plan, 'b')).toBe(plan);
  });
});
