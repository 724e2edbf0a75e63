import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { categoryDefaultUnitsSchema, unitSuggestionSchema } from '../../../contracts/proposals.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { units } from '../people/people.tables.ts';
import { proposalText } from '../routing/routing.examples.ts';
import { predictUnits } from '../routing/routing.suggestions.ts';
import { canManageAssignments } from './assignments.policy.ts';
import { filedAndLaterStates } from './proposals.policy.ts';
import { loadVisibleProposal } from './proposals.queries.ts';
import { similarity } from './proposals.similarity.ts';
import { categoryDefaultUnits, proposals } from './proposals.tables.ts';

type Suggestion = z.infer<typeof unitSuggestionSchema>;

/** Below this two titles share a word or two (城市, 公共): no evidence for a unit (the similar-proposals check uses 0.2). */
const MINIMUM_SIMILARITY = 0.3;
/** A unit of a similar past proposal scores at most this (a category default at least CATEGORY_FLOOR). */
const HISTORY_WEIGHT = 0.8;
const CATEGORY_FLOOR = 0.8;
const MAXIMUM_SUGGESTIONS = 10;
/** A unit the learned model gives less than this probability is not suggested by it. */
const MODEL_MINIMUM = 0.05;

/** A title without the formula every proposal shares (关于……的建议), which would make any two look alike. */
function essentialTitle(title: string): string {
  return title.replace(/^\s*关于/, '').replace(/的?(建议|提案)\s*$/, '');
}

/** How alike two proposals are for the history source: the shared similarity score on their essential titles. */
function pastSimilarity(left: { title: string; keywords: string[] }, right: { title: string; keywords: string[] }): number {
  return similarity({ ...left, title: essentialTitle(left.title) }, { ...right, title: essentialTitle(right.title) });
}

/** A proposal category of the committee (a dictionary entry of kind proposal_category); 404 otherwise. */
export async function loadProposalCategory(executor: Executor, orgId: string, id: string) {
  const [entry] = await executor
    .select()
    .from(dictionaryEntries)
    .where(
      and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.id, id), eq(dictionaryEntries.kind, 'proposal_category')),
    );
  if (!entry) throw notFound('提案类别');
  return entry;
}

/** The default units of a category in preference order (with names and whether they are still active). */
export async function loadCategoryDefaultUnits(executor: Executor, orgId: string, categoryId: string) {
  return executor
    .select({ unitId: categoryDefaultUnits.unitId, unitName: units.name, active: units.active })
    .from(categoryDefaultUnits)
    .innerJoin(units, and(eq(units.orgId, categoryDefaultUnits.orgId), eq(units.id, categoryDefaultUnits.unitId)))
    .where(and(eq(categoryDefaultUnits.orgId, orgId), eq(categoryDefaultUnits.categoryId, categoryId)))
    .orderBy(asc(categoryDefaultUnits.sortOrder), asc(units.sortOrder));
}

/** GET /proposal-categories/{id}/default-units (office). */
export async function getCategoryDefaultUnits(
  deps: AppDependencies,
  actor: Actor,
  categoryId: string,
): Promise<z.infer<typeof categoryDefaultUnitsSchema>> {
  if (!canManageAssignments(actor)) throw forbidden('只有提案委工作人员可以维护类别的默认承办单位');
  const orm = deps.database.orm;
  await loadProposalCategory(orm, actor.orgId, categoryId);
  const rows = await loadCategoryDefaultUnits(orm, actor.orgId, categoryId);
  return { categoryId, unitIds: rows.map((row) => row.unitId) };
}

/** The live units of similar filed (or later) proposals of the committee, each with its best similarity. */
async function historyScores(
  executor: Executor,
  proposal: { orgId: string; id: string; title: string; keywords: string[] },
): Promise<Map<string, { unitName: string; similarity: number }>> {
  const rows = await executor
    .select({
      proposalId: proposals.id,
      title: proposals.title,
      keywords: proposals.keywords,
      unitId: itemAssignments.unitId,
      unitName: units.name,
    })
    .from(itemAssignments)
    .innerJoin(proposals, and(eq(proposals.orgId, itemAssignments.orgId), eq(proposals.id, itemAssignments.itemId)))
    .innerJoin(units, and(eq(units.orgId, itemAssignments.orgId), eq(units.id, itemAssignments.unitId)))
    .where(
      and(
        eq(itemAssignments.orgId, proposal.orgId),
        ne(itemAssignments.state, 'reassigned'),
        ne(itemAssignments.itemId, proposal.id),
        inArray(proposals.state, [...filedAndLaterStates]),
        eq(units.active, true),
      ),
    );
  const scores = new Map<string, { unitName: string; similarity: number }>();
  const cache = new Map<string, number>();
  for (const row of rows) {
    let score = cache.get(row.proposalId);
    if (score === undefined) {
      score = pastSimilarity(proposal, row);
      cache.set(row.proposalId, score);
    }
    if (score < MINIMUM_SIMILARITY) continue;
    const known = scores.get(row.unitId);
    if (!known || known.similarity < score) scores.set(row.unitId, { unitName: row.unitName, similarity: score });
  }
  return scores;
}

/**
 * GET /proposals/{id}/unit-suggestions (office): the category's default units (in their order, scored from 1
 * down to 0.8), the units handling similar past proposals of the committee (weighted by similarity, at most 0.8)
 * and the units the routing model learned from the committee's history predicts (their probability). A unit found
 * several ways combines them (1 − (1 − a)(1 − b)(1 − c)). Best first.
 */
export async function suggestUnits(deps: AppDependencies, actor: Actor, proposalId: string): Promise<{ items: Suggestion[] }> {
  if (!canManageAssignments(actor)) throw forbidden('只有提案委工作人员可以查看建议的承办单位');
  const orm = deps.database.orm;
  const { proposal } = await loadVisibleProposal(orm, actor, proposalId);
  const merged = new Map<string, { unitName: string; category: number; history: number; model: number }>();
  if (proposal.categoryId) {
    const defaults = (await loadCategoryDefaultUnits(orm, actor.orgId, proposal.categoryId)).filter((row) => row.active);
    defaults.forEach((row, index) => {
      const score = Math.max(CATEGORY_FLOOR, 1 - index * 0.05);
      merged.set(row.unitId, { unitName: row.unitName, category: score, history: 0, model: 0 });
    });
  }
  for (const [unitId, found] of await historyScores(orm, proposal)) {
    const entry = merged.get(unitId) ?? { unitName: found.unitName, category: 0, history: 0, model: 0 };
    entry.history = found.similarity * HISTORY_WEIGHT;
    merged.set(unitId, entry);
  }
  for (const predicted of await predictUnits(orm, actor.orgId, proposalText(proposal))) {
    if (predicted.probability < MODEL_MINIMUM) continue;
    const entry = merged.get(predicted.unitId) ?? { unitName: predicted.unitName, category: 0, history: 0, model: 0 };
    entry.model = predicted.probability;
    merged.set(predicted.unitId, entry);
  }
  const items = [...merged.entries()].map(([unitId, entry]) => ({
    unitId,
    unitName: entry.unitName,
    score: Math.round((1 - (1 - entry.category) * (1 - entry.history) * (1 - entry.model)) * 1000) / 1000,
    sources: [
      ...(entry.category > 0 ? (['category'] as const) : []),
      ...(entry.history > 0 ? (['history'] as const) : []),
      ...(entry.model > 0 ? (['model'] as const) : []),
    ],
  }));
  items.sort((left, right) => right.score - left.score || left.unitName.localeCompare(right.unitName, 'zh-CN'));
  return { items: items.slice(0, MAXIMUM_SUGGESTIONS) };
}
