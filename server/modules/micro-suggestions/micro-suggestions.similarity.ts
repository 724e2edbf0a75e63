import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type MicroSuggestionState,
  microSuggestionStateNames,
  type microUnitSuggestionsSchema,
  type similarMicroQuerySchema,
  type similarMicroSchema,
} from '../../../contracts/micro-suggestions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, forbidden } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { units } from '../people/people.tables.ts';
import { loadCategoryDefaultUnits } from '../proposals/unit-suggestions.ts';
import { predictUnits, suggestCategories } from '../routing/routing.suggestions.ts';
import { findSimilarItems } from '../search/similar.ts';
import { canSearchSimilarMicro, isReviewer } from './micro-suggestions.policy.ts';
import { loadMicroSettings, loadVisibleMicro, openableMicroIds } from './micro-suggestions.queries.ts';
import { microSuggestions } from './micro-suggestions.tables.ts';
import { mergeTargetStates } from './micro-suggestions.workflow.ts';

const MAXIMUM_RESULTS = 10;
/** Candidates scored before the read check keeps those the user may open. */
const CANDIDATES = 50;
/** A unit of a similar past item scores at most this; a category default at least CATEGORY_FLOOR. */
const HISTORY_WEIGHT = 0.8;
const CATEGORY_FLOOR = 0.8;
/** Below this two items share a common word or two: no evidence for a unit. */
const HISTORY_MINIMUM = 0.3;
const MODEL_MINIMUM = 0.05;
const MAXIMUM_SUGGESTIONS = 10;

/** Below this probability the routing model's category is a guess, not a filing (the office chooses then). */
const CATEGORY_MINIMUM = 0.3;

/**
 * The category (领域) the routing model gives a micro-suggestion's text when it is sure enough, or null (no model
 * yet, or no clear answer). Filed on submission so the statistics by category count it; the office's choice on
 * acceptance or transfer replaces it.
 */
export async function modelCategoryId(
  executor: Executor,
  orgId: string,
  item: { title: string; place: string; problem: string; suggestion: string },
): Promise<string | null> {
  const { items } = await suggestCategories(executor, orgId, textOf(item), 1);
  return items[0] && items[0].score >= CATEGORY_MINIMUM ? items[0].categoryId : null;
}

/** The text a micro-suggestion is compared and routed by. */
function textOf(item: { title: string; place: string; problem: string; suggestion: string }) {
  return { title: item.title, body: [item.place, item.problem, item.suggestion].filter((part) => part !== '').join('\n') };
}

/**
 * GET /micro-suggestions/similar: submitted micro-suggestions that look like the one under review (its id) or the
 * text being written (title, text), best first, from the search module's similar-item service over the committee's
 * index (decision 0009): merge candidates for the office, duplicates for a member writing. Only those the user may
 * open; each says whether it can take a merge now.
 */
export async function findSimilarMicroSuggestions(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof similarMicroQuerySchema>,
): Promise<z.infer<typeof similarMicroSchema>[]> {
  const orm = deps.database.orm;
  const settings = await loadMicroSettings(orm, deps, actor.orgId);
  if (!canSearchSimilarMicro(actor, settings.reviewerRoles)) throw forbidden('只有委员和提案委工作人员可以查询相似微建议');
  let text: { title: string; body: string };
  if (query.id) {
    const { row } = await loadVisibleMicro(orm, actor, query.id, settings);
    text = textOf(row);
  } else if (query.title?.trim()) {
    text = { title: query.title, body: query.text ?? '' };
  } else {
    throw badRequest('请指定微建议或填写标题', [{ field: 'title', message: '请填写标题' }]);
  }
  const found = await findSimilarItems(orm, actor.orgId, {
    title: text.title,
    body: text.body,
    types: ['micro_suggestion'],
    excludeIds: query.id ? [query.id] : [],
    excludeStates: ['draft'],
    limit: CANDIDATES,
  });
  if (found.length === 0) return [];
  const rows = await orm
    .select()
    .from(microSuggestions)
    .where(
      and(
        eq(microSuggestions.orgId, actor.orgId),
        inArray(
          microSuggestions.id,
          found.map((item) => item.id),
        ),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const open = await openableMicroIds(orm, actor, rows, settings.reviewerRoles);
  return found
    .filter((item) => open.has(item.id) && byId.has(item.id))
    .slice(0, MAXIMUM_RESULTS)
    .map((item) => {
      const row = byId.get(item.id) as (typeof rows)[number];
      const state = row.state as MicroSuggestionState;
      return {
        id: row.id,
        number: row.number,
        title: row.title,
        place: row.place,
        state,
        stateName: microSuggestionStateNames[state] ?? state,
        score: item.score,
        sharedTerms: item.sharedTerms,
        canMergeInto: mergeTargetStates.includes(state),
      };
    });
}

/**
 * GET /micro-suggestions/{id}/unit-suggestions (the office): units for the transfer, as for proposals — the
 * category's default units (from 1 down to 0.8), the units that handled similar past micro-suggestions and proposals
 * (weighted by similarity, at most 0.8), and the units the routing model predicts (their probability), combined as
 * 1 − (1 − a)(1 − b)(1 − c); with the categories the model suggests.
 */
export async function suggestMicroUnits(
  deps: AppDependencies,
  actor: Actor,
  id: string,
): Promise<z.infer<typeof microUnitSuggestionsSchema>> {
  const orm = deps.database.orm;
  const settings = await loadMicroSettings(orm, deps, actor.orgId);
  if (!isReviewer(actor, settings.reviewerRoles)) throw forbidden('只有提案委工作人员可以查看建议的承办单位');
  const { row } = await loadVisibleMicro(orm, actor, id, settings);
  const text = textOf(row);
  const merged = new Map<string, { unitName: string; category: number; history: number; model: number }>();
  const entry = (unitId: string, unitName: string) => {
    const known = merged.get(unitId) ?? { unitName, category: 0, history: 0, model: 0 };
    merged.set(unitId, known);
    return known;
  };
  const categories = await suggestCategories(orm, actor.orgId, text);
  const categoryId = row.categoryId ?? categories.items[0]?.categoryId ?? null;
  if (categoryId) {
    const defaults = (await loadCategoryDefaultUnits(orm, actor.orgId, categoryId)).filter((unit) => unit.active);
    defaults.forEach((unit, index) => {
      entry(unit.unitId, unit.unitName).category = Math.max(CATEGORY_FLOOR, 1 - index * 0.05);
    });
  }
  const similar = (
    await findSimilarItems(orm, actor.orgId, {
      title: text.title,
      body: text.body,
      types: ['micro_suggestion', 'proposal'],
      excludeIds: [id],
      limit: CANDIDATES,
    })
  ).filter((item) => item.score >= HISTORY_MINIMUM);
  if (similar.length > 0) {
    const assigned = await orm
      .select({ itemId: itemAssignments.itemId, unitId: itemAssignments.unitId, unitName: units.name })
      .from(itemAssignments)
      .innerJoin(units, and(eq(units.orgId, itemAssignments.orgId), eq(units.id, itemAssignments.unitId)))
      .where(
        and(
          eq(itemAssignments.orgId, actor.orgId),
          ne(itemAssignments.state, 'reassigned'),
          eq(units.active, true),
          inArray(
            itemAssignments.itemId,
            similar.map((item) => item.id),
          ),
        ),
      );
    const scoreOf = new Map(similar.map((item) => [item.id, item.score]));
    for (const assignment of assigned) {
      const known = entry(assignment.unitId, assignment.unitName);
      known.history = Math.max(known.history, (scoreOf.get(assignment.itemId) ?? 0) * HISTORY_WEIGHT);
    }
  }
  for (const predicted of await predictUnits(orm, actor.orgId, text)) {
    if (predicted.probability < MODEL_MINIMUM) continue;
    entry(predicted.unitId, predicted.unitName).model = predicted.probability;
  }
  const items = [...merged.entries()].map(([unitId, found]) => ({
    unitId,
    unitName: found.unitName,
    score: Math.round((1 - (1 - found.category) * (1 - found.history) * (1 - found.model)) * 1000) / 1000,
    sources: [
      ...(found.category > 0 ? (['category'] as const) : []),
      ...(found.history > 0 ? (['history'] as const) : []),
      ...(found.model > 0 ? (['model'] as const) : []),
    ],
  }));
  items.sort((left, right) => right.score - left.score || left.unitName.localeCompare(right.unitName, 'zh-CN'));
  return { items: items.slice(0, MAXIMUM_SUGGESTIONS), categories: categories.items };
}
