import { describe, expect, it } from 'vitest';
import { awardBody, awardSubject, countByKind, currentYearInChina, defaultAwardYear, yearOptions } from './award-rules.ts';

describe('award rules', () => {
  it('offers the recent years and any year with awards, newest first', () => {
    expect(yearOptions(2026, [], 3)).toEqual([2026, 2025, 2024]);
    expect(yearOptions(2026, [2020, 2025], 2)).toEqual([2026, 2025, 2020]);
  });

  it('takes the year in China (New Year’s Eve in UTC is already next year there)', () => {
    expect(currentYearInChina(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
    expect(currentYearInChina(new Date('2025-12-31T15:00:00Z'))).toBe(2025);
  });

  it('sends the proposal or the unit by kind and a trimmed citation', () => {
    expect(awardBody({ year: 2026, kind: 'excellent_proposal', proposalId: 'p', unitId: 'u', citation: ' 建言有力 ' })).toEqual({
      year: 2026,
      kind: 'excellent_proposal',
      proposalId: 'p',
      citation: '建言有力',
    });
    expect(awardBody({ year: 2026, kind: 'model_unit', proposalId: 'p', unitId: 'u', citation: '' })).toEqual({
      year: 2026,
      kind: 'model_unit',
      unitId: 'u',
    });
  });

  it('names what the award is for and counts per kind', () => {
    const proposal = { kind: 'excellent_proposal' as const, proposalNumber: '0008', proposalTitle: '关于养老', unitName: null };
    const unit = { kind: 'model_unit' as const, proposalNumber: null, proposalTitle: null, unitName: '市发改委' };
    expect(awardSubject(proposal)).toBe('0008 关于养老');
    expect(awardSubject({ ...proposal, proposalNumber: null })).toBe('关于养老');
    expect(awardSubject(unit)).toBe('市发改委');
    expect(countByKind([proposal, unit, unit])).toEqual({ excellent_proposal: 1, model_unit: 2 });
  });

  it.each([
    [2026, [], 2026],
    [2026, [2024, 2025], 2025],
    [2026, [2026, 2025], 2026],
    [2026, [2027], 2026],
  ])('opens %i with award years %o on %i', (current, years, expected) => {
    expect(defaultAwardYear(current, years)).toBe(expected);
  });
});
