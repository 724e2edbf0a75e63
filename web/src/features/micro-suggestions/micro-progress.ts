/**
 * The steps a member sees at the top of a micro-suggestion: 提交 → 受理 → 办理 (承办单位 or 委员领办) → 答复 → 办结,
 * where it stands now, and how an early end shows (不予受理, 已合并, 已转为提案). Pure: the page and its tests share it.
 */
import type { HandlingMode, MicroSuggestionState } from '../../../../contracts/micro-suggestions.ts';

/** The steps and where the item stands. */
export type MicroProgress = { steps: string[]; current: number; status: 'process' | 'finish' | 'error' | 'wait' };

/** The progress of an item in a state, handled by a unit or by the member. */
export function microProgress(state: MicroSuggestionState, mode: HandlingMode | null): MicroProgress {
  const byMember = mode === 'member' || state === 'member_handling';
  const steps = byMember ? ['提交', '受理', '委员领办', '办结'] : ['提交', '受理', '单位办理', '答复评价', '办结'];
  const last = steps.length - 1;
  switch (state) {
    case 'draft':
      return { steps, current: 0, status: 'wait' };
    case 'submitted':
      return { steps, current: 1, status: 'process' };
    case 'accepted':
      return { steps, current: 2, status: 'process' };
    case 'handling':
    case 'rehandling':
    case 'member_handling':
      return { steps, current: 2, status: 'process' };
    case 'replied':
      return { steps, current: 3, status: 'process' };
    case 'resolved':
      return { steps, current: last, status: 'finish' };
    case 'declined':
      return { steps: ['提交', '不予受理'], current: 1, status: 'error' };
    case 'merged':
      return { steps: ['提交', '合并办理'], current: 1, status: 'finish' };
    case 'converted':
      return { steps: ['提交', '转为提案'], current: 1, status: 'finish' };
    default:
      return { steps, current: 0, status: 'process' };
  }
}
