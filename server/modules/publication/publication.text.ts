import { and, asc, eq } from 'drizzle-orm';
import type { PublicationDecisionInput, PublicText } from '../../../contracts/publication.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import { businessDate } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import { loadRaters } from '../handling/handling.queries.ts';
import { itemReplies } from '../handling/handling.tables.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { units } from '../people/people.tables.ts';
import type { ProposalRow } from '../proposals/proposals.queries.ts';
import { addCounts, redact } from './redaction.ts';

/** The public text of a proposal (automatically redacted), what was removed, and the proposers' names. */
export type BuiltPublicText = { text: PublicText; removed: Record<string, number>; proposerNames: string[]; unitNames: string[] };

/**
 * Builds the public text: title, background, suggestions and every sent reply and follow-up report (never the
 * contact person or phone), each redacted. For a partial publication the office's edited parts replace the
 * originals before redaction, so what the office typed is checked too.
 */
export async function buildPublicText(
  executor: Executor,
  proposal: ProposalRow,
  edits?: PublicationDecisionInput['text'],
): Promise<BuiltPublicText> {
  const organization = await loadOrganization(executor, proposal.orgId);
  const classes = effectiveSettings(organization.settings).proposals.resultClasses;
  const rows = await executor
    .select({ reply: itemReplies, unitName: units.name })
    .from(itemReplies)
    .innerJoin(units, and(eq(units.orgId, itemReplies.orgId), eq(units.id, itemReplies.unitId)))
    .where(and(eq(itemReplies.orgId, proposal.orgId), eq(itemReplies.itemId, proposal.id), eq(itemReplies.state, 'sent')))
    .orderBy(asc(itemReplies.id));
  const removed: Record<string, number> = {};
  const clean = (value: string) => {
    const result = redact(value);
    addCounts(removed, result.removed);
    return result.text;
  };
  const edited = new Map((edits?.replies ?? []).map((item) => [item.replyId, item.text]));
  const text: PublicText = {
    title: clean(proposal.title),
    background: clean(edits?.background ?? proposal.background),
    suggestions: clean(edits?.suggestions ?? proposal.suggestions),
    replies: rows.map(({ reply, unitName }) => ({
      replyId: reply.id,
      unitName,
      kind: reply.kind as 'reply' | 'follow_up',
      round: reply.round,
      resultClass: reply.resultClass,
      resultClassName: classes.find((item) => item.code === reply.resultClass)?.name ?? null,
      sentOn: reply.sentAt ? businessDate(new Date(reply.sentAt), organization.timeZone) : null,
      text: clean(edited.get(reply.id) ?? reply.text),
    })),
  };
  const proposerNames = (await loadRaters(executor, proposal)).map((rater) => rater.name);
  return { text, removed, proposerNames, unitNames: [...new Set(rows.map((row) => row.unitName))] };
}
