import type { CoSigner, CoSignerState, Proposal, ProposalState, ProposalSummary } from '../../../contracts/proposals.ts';
import { coSignerActions } from '../../../contracts/proposals.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { availableActions } from '../../platform/workflow/workflow.ts';
import { automaticActions, canTakeCoSignerAction, canTakeProposalAction } from './proposals.policy.ts';
import type { CoSignerRow, ProposalRow, SupplementRow } from './proposals.queries.ts';
import { coSignerWorkflow, proposalWorkflow } from './proposals.workflow.ts';

/** An instant as ISO 8601 in UTC, whatever form the database returned. */
function iso(value: string): string;
function iso(value: string | null): string | null;
function iso(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** The counted length of a proposal's body: background plus suggestions, in characters (not UTF-16 units). */
export function bodyLength(proposal: { background: string; suggestions: string }): number {
  return [...proposal.background].length + [...proposal.suggestions].length;
}

/** True while co-signers may still answer: the proposal collects signatures and the deadline has not passed. */
export function coSigningOpen(proposal: Pick<ProposalRow, 'state' | 'coSigningDeadline'>, today: string): boolean {
  return proposal.state === 'co_signing' && proposal.coSigningDeadline !== null && today <= proposal.coSigningDeadline;
}

/** The actions the actor may take now on one invitation. */
function coSignerActionsFor(actor: Actor, proposal: ProposalRow, row: CoSignerRow, today: string): CoSigner['actions'] {
  return coSignerActions.filter((action) => {
    const transition = coSignerWorkflow.transitions.find(
      (candidate) => candidate.action === action && candidate.from.includes(row.state as CoSignerState),
    );
    if (!transition?.roles.some((role) => actor.roles.includes(role))) return false;
    if (!canTakeCoSignerAction(actor, proposal, row.memberId, action)) return false;
    if (action === 'cancel') return proposal.state === 'draft' || proposal.state === 'co_signing';
    return coSigningOpen(proposal, today);
  });
}

/** The staff view of a proposal, with the actions open to the actor. Never the raw row. */
export function presentProposal(
  actor: Actor,
  proposal: ProposalRow,
  extra: {
    leadName: string | null;
    coSigners: CoSignerRow[];
    supplements: SupplementRow[];
    today: string;
    bodyMaxCharacters: number;
    /** Proposals merged into this one, with their proposers (who share its credit and its reply). */
    merged?: MergedSource[];
    /** The filed proposal this one was merged into. */
    mergedInto?: Proposal['mergedInto'];
    assignments?: Proposal['assignments'];
  },
): Proposal {
  const state = proposal.state as ProposalState;
  const authorName = authorNameOf(proposal, extra.leadName);
  const accepted = extra.coSigners.filter((row) => row.state === 'accepted');
  const proposers: Proposal['proposers'] =
    proposal.authorType === 'collective'
      ? [{ memberId: null, name: authorName, role: 'collective' }]
      : [
          { memberId: proposal.leadMemberId, name: authorName, role: 'lead' },
          ...accepted.map((row) => ({ memberId: row.memberId, name: row.name, role: 'co_signer' as const })),
        ];
  const merged = extra.merged ?? [];
  for (const source of merged) {
    for (const person of source.proposers) {
      const known = person.memberId !== null && proposers.some((existing) => existing.memberId === person.memberId);
      if (!known) proposers.push({ ...person, role: 'merged', fromProposalId: source.id });
    }
  }
  return {
    id: proposal.id,
    sessionId: proposal.sessionId,
    kind: proposal.kind as Proposal['kind'],
    number: proposal.number,
    title: proposal.title,
    background: proposal.background,
    suggestions: proposal.suggestions,
    categoryId: proposal.categoryId,
    keywords: proposal.keywords,
    agreesToPublish: proposal.agreesToPublish,
    publicationRefusalReason: proposal.publicationRefusalReason,
    authorType: proposal.authorType as Proposal['authorType'],
    leadMemberId: proposal.leadMemberId,
    collectiveAuthorId: proposal.collectiveAuthorId,
    authorName,
    proposers,
    coSigners: extra.coSigners.map((row) => ({
      memberId: row.memberId,
      name: row.name,
      state: row.state as CoSignerState,
      invitedAt: iso(row.invitedAt),
      respondedAt: iso(row.respondedAt),
      actions: coSignerActionsFor(actor, proposal, row, extra.today),
    })),
    coSigningDeadline: proposal.coSigningDeadline,
    supplements: extra.supplements.map((row) => ({
      id: row.id,
      text: row.text,
      authorName: row.authorName,
      createdAt: iso(row.createdAt),
    })),
    bodyLength: bodyLength(proposal),
    bodyMaxCharacters: extra.bodyMaxCharacters,
    submittedAt: iso(proposal.submittedAt),
    filedAt: iso(proposal.filedAt),
    decision: presentDecision(proposal.decision),
    mergedInto: extra.mergedInto ?? null,
    mergedProposals: merged.map((source) => ({ id: source.id, title: source.title, authorName: source.authorName })),
    assignmentMode: proposal.assignmentMode as Proposal['assignmentMode'],
    ratingDueOn: proposal.ratingDueOn,
    rehandlingCount: proposal.rehandlingCount,
    publicationDecision: proposal.publicationDecision as Proposal['publicationDecision'],
    isSecret: proposal.isSecret,
    stateBeforeArchive: proposal.stateBeforeArchive,
    assignments: extra.assignments ?? [],
    createdAt: iso(proposal.createdAt),
    updatedAt: iso(proposal.updatedAt),
    state,
    stateName: proposalWorkflow.states[state] ?? state,
    version: proposal.version,
    actions: availableActions(proposalWorkflow, state, actor.roles, (action) => {
      if (automaticActions.includes(action)) return false;
      if (!canTakeProposalAction(actor, proposal, action)) return false;
      if (action === 'invite_co_signers' && state === 'co_signing') return coSigningOpen(proposal, extra.today);
      return true;
    }),
  };
}

/** A proposal merged into another, as the target shows it: its id, title, author and proposers. */
export type MergedSource = {
  id: string;
  title: string;
  authorName: string;
  proposers: { memberId: string | null; name: string; role: 'lead' | 'co_signer' | 'collective' }[];
};

/** The stored review decision (proposals.decision) as the API shows it: no user ids, no consent details. */
export type StoredDecision = {
  action: 'file' | 'reject' | 'merge' | 'convert' | 'return';
  reason?: string | null;
  reasonCodeId?: string | null;
  reasonCodeName?: string | null;
  convertedTo?: 'opinion_report' | 'letter' | null;
  consent?: { note: string; recordedBy: string } | null;
  decidedAt: string;
  decidedBy: string;
};

/** The public part of the stored decision. */
function presentDecision(stored: unknown): Proposal['decision'] {
  if (!stored || typeof stored !== 'object') return null;
  const decision = stored as StoredDecision;
  return {
    action: decision.action,
    reason: decision.reason ?? null,
    reasonCodeName: decision.reasonCodeName ?? null,
    convertedTo: decision.convertedTo ?? null,
    decidedAt: iso(decision.decidedAt),
  };
}

/** The lead proposer's name, or the collective author's. */
function authorNameOf(proposal: ProposalRow, leadName: string | null): string {
  return proposal.authorType === 'collective' ? (proposal.collectiveAuthorName ?? '') : (leadName ?? '');
}

/** A row of the proposal list. */
export function presentProposalSummary(proposal: ProposalRow, leadName: string | null): ProposalSummary {
  const state = proposal.state as ProposalState;
  return {
    id: proposal.id,
    sessionId: proposal.sessionId,
    kind: proposal.kind as ProposalSummary['kind'],
    number: proposal.number,
    title: proposal.title,
    authorType: proposal.authorType as ProposalSummary['authorType'],
    authorName: authorNameOf(proposal, leadName),
    state,
    stateName: proposalWorkflow.states[state] ?? state,
    submittedAt: iso(proposal.submittedAt),
    filedAt: iso(proposal.filedAt),
    categoryId: proposal.categoryId,
    publicationDecision: proposal.publicationDecision as ProposalSummary['publicationDecision'],
    isSecret: proposal.isSecret,
    agreesToPublish: proposal.agreesToPublish,
    updatedAt: iso(proposal.updatedAt),
    version: proposal.version,
  };
}

/** The audited fields of a proposal (text and metadata), for the event's before/after. */
export function proposalAuditView(proposal: ProposalRow) {
  return {
    title: proposal.title,
    background: proposal.background,
    suggestions: proposal.suggestions,
    categoryId: proposal.categoryId,
    keywords: proposal.keywords,
    agreesToPublish: proposal.agreesToPublish,
    publicationRefusalReason: proposal.publicationRefusalReason,
    state: proposal.state,
    version: proposal.version,
  };
}
