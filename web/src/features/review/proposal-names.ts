/** Names the office's screens show for a proposal's kind and proposers' roles. */
import type { ProposalKind } from '../../../../contracts/proposals.ts';

/** 大会提案 / 平时提案. */
export const proposalKindNames: Record<ProposalKind, string> = { plenary: '大会提案', interim: '平时提案' };

/** The role of a proposer as the list of proposers shows it. */
export const proposerRoleNames: Record<'lead' | 'co_signer' | 'collective' | 'merged', string> = {
  lead: '第一提案人',
  co_signer: '联名人',
  collective: '集体提案',
  merged: '并案提案人',
};
