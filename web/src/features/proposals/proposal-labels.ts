/** Names and colours of proposal states, kinds and proposer roles, as every proposal screen shows them. */
import type { CoSignerState, Proposal, ProposalKind, ProposalState } from '../../../../contracts/proposals.ts';

/** The Chinese names of the states (the server sends `stateName` too; this names the filter's options). */
export const proposalStateNames: Record<ProposalState, string> = {
  draft: '草稿',
  co_signing: '联名征集中',
  submitted: '已提交',
  returned: '退回修改',
  filed: '已立案',
  rejected: '不予立案',
  merged: '已并案',
  converted: '已转办',
  withdrawn: '已撤回',
  assigned: '已交办',
  replied: '已答复',
  rehandling: '二次办理',
  closed: '已办结',
  archived: '已归档',
};

/** The tag colour of a state. */
export function proposalStateColor(state: string): string {
  switch (state) {
    case 'draft':
      return 'default';
    case 'co_signing':
      return 'processing';
    case 'submitted':
      return 'blue';
    case 'returned':
      return 'orange';
    case 'filed':
      return 'green';
    case 'assigned':
      return 'cyan';
    case 'replied':
      return 'lime';
    case 'rehandling':
      return 'volcano';
    case 'closed':
      return 'success';
    case 'archived':
      return 'default';
    case 'rejected':
      return 'red';
    case 'merged':
      return 'purple';
    case 'converted':
      return 'geekblue';
    case 'withdrawn':
      return 'default';
    default:
      return 'default';
  }
}

/** 大会提案 / 平时提案. */
export const proposalKindNames: Record<ProposalKind, string> = { plenary: '大会提案', interim: '平时提案' };

/** The names of the proposers' roles. */
export const proposerRoleNames: Record<Proposal['proposers'][number]['role'], string> = {
  lead: '第一提案人',
  co_signer: '联名人',
  collective: '集体提案',
  merged: '并案',
};

/** The names and colours of the invitation states. */
export const coSignerStateNames: Record<CoSignerState, string> = {
  invited: '待答复',
  accepted: '已同意',
  declined: '已谢绝',
  cancelled: '已取消',
};
export const coSignerStateColors: Record<CoSignerState, string> = {
  invited: 'processing',
  accepted: 'green',
  declined: 'default',
  cancelled: 'default',
};

/** The names of the co-signer actions on their buttons. */
export const coSignerActionNames = { accept: '同意联名', decline: '谢绝', cancel: '取消邀请' } as const;

/** The names of the office's decisions. */
export const decisionNames: Record<NonNullable<Proposal['decision']>['action'], string> = {
  file: '立案',
  reject: '不予立案',
  merge: '并案',
  convert: '转为其他形式',
  return: '退回修改',
};

/** "第0001号"; "未编号" before filing. */
export function proposalNumberText(number: string | null | undefined): string {
  if (!number) return '未编号';
  if (number.startsWith('第')) return number;
  return `第${/^\d+$/.test(number) ? number.padStart(4, '0') : number}号`;
}

/** True when the action is among those the user may take now. */
export function hasAction(proposal: Pick<Proposal, 'actions'> | undefined, action: string): boolean {
  return Boolean(proposal?.actions.some((item) => item.action === action));
}

/** The actions the proposer handles on the detail page and in the editor; the others are the office's. */
export const writingActions = ['edit', 'submit', 'withdraw', 'invite_co_signers', 'add_supplement'] as const;
