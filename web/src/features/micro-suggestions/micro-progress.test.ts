import { describe, expect, it } from 'vitest';
import { microSuggestionStates } from '../../../../contracts/micro-suggestions.ts';
import { daysLeftText, hasMicroAction, microNumberText, microStateColor, microStateName } from './micro-labels.ts';
import { microProgress } from './micro-progress.ts';

describe('the progress steps', () => {
  it.each([
    ['submitted', null, 1, 'process'],
    ['accepted', null, 2, 'process'],
    ['handling', 'unit', 2, 'process'],
    ['rehandling', 'unit', 2, 'process'],
    ['replied', 'unit', 3, 'process'],
    ['resolved', 'unit', 4, 'finish'],
    ['member_handling', 'member', 2, 'process'],
    ['resolved', 'member', 3, 'finish'],
  ] as const)('%s (%s) stands at step %i, %s', (state, mode, current, status) => {
    const progress = microProgress(state, mode);
    expect(progress.current).toBe(current);
    expect(progress.status).toBe(status);
    expect(progress.current).toBeLessThan(progress.steps.length);
  });

  it('shows the member taking it on instead of the unit', () => {
    expect(microProgress('member_handling', 'member').steps).toContain('委员领办');
    expect(microProgress('handling', 'unit').steps).toContain('单位办理');
  });

  it('ends early on a decline (error), a merge or a conversion', () => {
    expect(microProgress('declined', null)).toEqual({ steps: ['提交', '不予受理'], current: 1, status: 'error' });
    expect(microProgress('merged', null).steps[1]).toBe('合并办理');
    expect(microProgress('converted', null).steps[1]).toBe('转为提案');
  });
});

describe('the labels', () => {
  it('names and colours every state', () => {
    for (const state of microSuggestionStates) {
      expect(microStateName(state)).not.toBe(state);
      expect(microStateColor(state)).toBeTruthy();
    }
    expect(microStateName('resolved', '已办结')).toBe('已办结');
  });

  it('writes the number, or says it comes on submission', () => {
    expect(microNumberText('2026-0012')).toBe('第2026-0012号');
    expect(microNumberText(null)).toBe('提交后编号');
  });

  it('says the days to the due date', () => {
    expect(daysLeftText(3)).toBe('还剩 3 天');
    expect(daysLeftText(0)).toBe('今天到期');
    expect(daysLeftText(-2)).toBe('已逾期 2 天');
  });

  it('finds the actions the server lists', () => {
    const item = { actions: [{ action: 'accept', label: '受理', needsReason: false }] };
    expect(hasMicroAction(item, 'accept')).toBe(true);
    expect(hasMicroAction(item, 'decline')).toBe(false);
    expect(hasMicroAction(null, 'accept')).toBe(false);
  });
});
