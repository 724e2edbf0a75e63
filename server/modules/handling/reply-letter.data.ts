import { and, eq } from 'drizzle-orm';
import { effectiveSettings } from '../../../contracts/settings.ts';
import { businessDate } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import { loadOrganization, loadSession } from '../orgs/orgs.queries.ts';
import { units } from '../people/people.tables.ts';
import { loadProposalRow, loadRaters, type ReplyRow } from './handling.queries.ts';
import { itemReplies } from './handling.tables.ts';
import type { ReplyLetterData } from './reply-letter.ts';

/** The reply row of the committee (404 otherwise). */
export async function loadReplyRow(executor: Executor, orgId: string, replyId: string): Promise<ReplyRow> {
  const [reply] = await executor
    .select()
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, orgId), eq(itemReplies.id, replyId)));
  if (!reply) throw notFound('答复');
  return reply;
}

/** What the reply letter of one reply prints: committee, session, proposal, unit, proposers, class, text, dates. */
export async function loadReplyLetterData(executor: Executor, reply: ReplyRow): Promise<ReplyLetterData> {
  const proposal = await loadProposalRow(executor, reply.orgId, reply.itemId);
  const organization = await loadOrganization(executor, reply.orgId);
  const session = await loadSession(executor, reply.orgId, proposal.sessionId);
  const [unit] = await executor
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.orgId, reply.orgId), eq(units.id, reply.unitId)));
  const classes = effectiveSettings(organization.settings).proposals.resultClasses;
  const when = reply.sentAt ?? reply.updatedAt;
  return {
    committeeName: organization.name,
    sessionName: session.name,
    proposalNumber: proposal.number,
    proposalTitle: proposal.title,
    unitName: unit?.name ?? '',
    proposerNames: (await loadRaters(executor, proposal)).map((rater) => rater.name),
    kind: reply.kind as ReplyLetterData['kind'],
    round: reply.round,
    resultClass: reply.resultClass,
    resultClassName: classes.find((item) => item.code === reply.resultClass)?.name ?? null,
    text: reply.text,
    sentOn: businessDate(new Date(when), organization.timeZone),
    sent: reply.state === 'sent',
    followUpDueOn: reply.followUpDueOn,
    contactPerson: reply.contactPerson,
    contactPhone: reply.contactPhone,
  };
}
