/** How the screens name and colour micro-suggestion states, decisions and numbers. */
import type { MicroSuggestion, MicroSuggestionState } from '../../../../contracts/micro-suggestions.ts';
import { microSuggestionStateNames } from '../../../../contracts/micro-suggestions.ts';

/** The tag colour of a state. */
export function microStateColor(state: string): string {
  switch (state as MicroSuggestionState) {
    case 'draft':
      return 'default';
    case 'submitted':
      return 'processing';
    case 'accepted':
      return 'cyan';
    case 'handling':
    case 'member_handling':
      return 'blue';
    case 'replied':
      return 'geekblue';
    case 'rehandling':
      return 'orange';
    case 'resolved':
      return 'success';
    case 'declined':
      return 'error';
    case 'merged':
    case 'converted':
      return 'purple';
    default:
      return 'default';
  }
}

/** The Chinese name of a state (the server's `stateName` when it sent one). */
export function microStateName(state: string, name?: string | null): string {
  return name || microSuggestionStateNames[state as MicroSuggestionState] || state;
}

/** "微建议第2026-0012号"; "（提交后编号）" for a draft. */
export function microNumberText(number: string | null | undefined): string {
  return number ? `第${number}号` : '提交后编号';
}

/** The heading of the office's decision, as the member reads it. */
export const microDecisionNames: Record<NonNullable<MicroSuggestion['decision']>['action'], string> = {
  accept: '已受理',
  decline: '不予受理',
  merge: '合并办理',
  convert: '转为提案',
  transfer: '已转交承办单位',
  take_on: '委员领办',
};

/** The alert type of a decision. */
export function microDecisionTone(action: NonNullable<MicroSuggestion['decision']>['action']): 'success' | 'error' | 'info' {
  if (action === 'decline') return 'error';
  if (action === 'merge' || action === 'convert') return 'info';
  return 'success';
}

/** True when the server lists the action for this user now. */
export function hasMicroAction(item: Pick<MicroSuggestion, 'actions'> | null | undefined, action: string): boolean {
  return Boolean(item?.actions.some((entry) => entry.action === action));
}

/** "还剩 3 天" / "今天到期" / "已逾期 2 天" of the days left to a due date. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `还剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `已逾期 ${-daysLeft} 天`;
}
