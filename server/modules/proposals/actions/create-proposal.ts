import { and, eq } from 'drizzle-orm';
import type { Proposal, ProposalCreate } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { findCurrentSession, loadSession } from '../../orgs/orgs.queries.ts';
import { users } from '../../people/people.tables.ts';
import { canCreateProposal } from '../proposals.policy.ts';
import { proposalAuditView } from '../proposals.presenter.ts';
import { kindOn, loadProposalSettings, presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { proposals } from '../proposals.tables.ts';
import { assertBodyWithinLimit, assertDictionaryEntry, collectiveAuthorKinds } from '../proposals.validation.ts';

/**
 * Starts a draft: a member's own (they are the lead proposer), or a collective one entered by office staff on
 * behalf of a party, organisation, sector, group or committee. The session defaults to the current one.
 */
export async function createProposal(
  deps: AppDependencies,
  actor: Actor,
  input: ProposalCreate,
  context: RequestContext,
): Promise<Proposal> {
  const collective = input.collectiveAuthor;
  if (!canCreateProposal(actor, Boolean(collective))) {
    throw forbidden(
      collective
        ? '只有提案委工作人员可以录入集体提案'
        : actor.memberId
          ? '只有委员可以撰写提案'
          : '您的账户未关联委员，不能撰写提案',
    );
  }
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings } = await insertDraft(tx, deps, actor, input, context, {
      leadMemberId: collective ? null : actor.memberId,
      createdBy: actor.userId,
    });
    return presentProposalFor(tx, deps, actor, row, [], settings);
  });
}

/**
 * Inserts a member's draft on their behalf in the caller's transaction, by office staff: a micro-suggestion the
 * office converts into a proposal (转为提案) becomes a draft of its lead member, who completes and submits it like any
 * other. The draft is the member's (created by their account when they have one, so it stays private to them);
 * the event names the staff member who converted it.
 */
export async function createProposalDraftInTransaction(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  input: ProposalCreate,
  context: RequestContext,
  options: { leadMemberId: string },
): Promise<{ id: string }> {
  const [account] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.memberId, options.leadMemberId), eq(users.state, 'active')))
    .limit(1);
  const { row } = await insertDraft(tx, deps, actor, { ...input, collectiveAuthor: undefined }, context, {
    leadMemberId: options.leadMemberId,
    createdBy: account?.id ?? actor.userId,
  });
  return { id: row.id };
}

/** Checks and inserts a draft with its event and search document, in the caller's transaction. */
async function insertDraft(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  input: ProposalCreate,
  context: RequestContext,
  author: { leadMemberId: string | null; createdBy: string },
) {
  const collective = input.collectiveAuthor;
  const settings = await loadProposalSettings(tx, deps, actor.orgId);
  const session = input.sessionId
    ? await loadSession(tx, actor.orgId, input.sessionId)
    : await findCurrentSession(tx, actor.orgId);
  if (!session) {
    throw unprocessable('尚未设置当前会议，请指定会议', [{ field: 'sessionId', message: '请选择会议' }], 'no_current_session');
  }
  if (session.archivedAt) throw conflict(`${session.name}已归档，不能再提交提案`, 'session_archived');
  if (input.categoryId) {
    await assertDictionaryEntry(tx, actor.orgId, input.categoryId, ['proposal_category'], 'categoryId', '提案类别');
  }
  let collectiveAuthorName: string | null = null;
  if (collective?.entryId) {
    collectiveAuthorName = await assertDictionaryEntry(
      tx,
      actor.orgId,
      collective.entryId,
      collectiveAuthorKinds,
      'collectiveAuthor.entryId',
      '集体提案单位',
    );
  } else if (collective?.name) {
    collectiveAuthorName = collective.name;
  }
  assertBodyWithinLimit(input, settings.bodyMaxCharacters);
  const now = deps.now().toISOString();
  const [row] = await tx
    .insert(proposals)
    .values({
      orgId: actor.orgId,
      sessionId: session.id,
      kind: kindOn(session, settings.today),
      title: input.title,
      background: input.background,
      suggestions: input.suggestions,
      categoryId: input.categoryId,
      keywords: input.keywords,
      agreesToPublish: input.agreesToPublish,
      publicationRefusalReason: input.publicationRefusalReason,
      authorType: collective ? 'collective' : 'member',
      leadMemberId: collective ? null : author.leadMemberId,
      collectiveAuthorId: collective?.entryId ?? null,
      collectiveAuthorName,
      createdBy: author.createdBy,
      state: 'draft',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordEvent(tx, deps.config.auditHash, {
    orgId: actor.orgId,
    type: 'proposal.created',
    summary: `起草提案“${row.title}”${collectiveAuthorName ? `（集体提案：${collectiveAuthorName}）` : ''}`,
    actor,
    subjectType: 'proposal',
    subjectId: row.id,
    after: proposalAuditView(row),
    context,
  });
  await indexProposal(tx, actor.orgId, row.id);
  return { row, settings };
}
