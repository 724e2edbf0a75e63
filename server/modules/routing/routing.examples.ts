import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { filedAndLaterStates } from '../proposals/proposals.policy.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { routingHistory } from './routing.tables.ts';

/** One item routing learns from: its text, its category and the units that handled it. */
export type RoutingExample = { title: string; body: string; categoryId: string | null; unitIds: string[] };

/** The text of a proposal routing reads: title (with key words) and body (background, then suggestions). */
export function proposalText(proposal: { title: string; keywords: string[]; background: string; suggestions: string }) {
  return {
    title: [proposal.title, ...proposal.keywords].join(' '),
    body: [proposal.background, proposal.suggestions].filter((part) => part !== '').join('\n'),
  };
}

/**
 * A committee's history to learn from: the imported rows, plus its filed (and later) proposals with their category
 * and live units (an assignment replaced after an adjustment no longer counts). Nothing is copied: a proposal
 * filed today counts at the next training.
 */
export async function loadRoutingExamples(executor: Executor, orgId: string): Promise<RoutingExample[]> {
  const imported = await executor
    .select({
      title: routingHistory.title,
      body: routingHistory.body,
      categoryId: routingHistory.categoryId,
      unitIds: routingHistory.unitIds,
    })
    .from(routingHistory)
    .where(eq(routingHistory.orgId, orgId))
    // A fixed order (by text, not by the random part of the ids), so that the same history trains the same model.
    .orderBy(asc(routingHistory.title), asc(routingHistory.body), asc(routingHistory.id));
  const filed = await executor
    .select({
      id: proposals.id,
      title: proposals.title,
      keywords: proposals.keywords,
      background: proposals.background,
      suggestions: proposals.suggestions,
      categoryId: proposals.categoryId,
    })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), inArray(proposals.state, [...filedAndLaterStates])))
    .orderBy(asc(proposals.title), asc(proposals.id));
  const assignments = await executor
    .select({ proposalId: itemAssignments.itemId, unitId: itemAssignments.unitId })
    .from(itemAssignments)
    .where(and(eq(itemAssignments.orgId, orgId), ne(itemAssignments.state, 'reassigned')));
  const unitsOf = new Map<string, string[]>();
  for (const row of assignments) {
    const list = unitsOf.get(row.proposalId) ?? [];
    if (!list.includes(row.unitId)) list.push(row.unitId);
    unitsOf.set(row.proposalId, list);
  }
  return [
    ...imported,
    ...filed.map((proposal) => ({
      ...proposalText(proposal),
      categoryId: proposal.categoryId,
      unitIds: unitsOf.get(proposal.id) ?? [],
    })),
  ];
}
