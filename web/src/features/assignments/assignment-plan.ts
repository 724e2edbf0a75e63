/**
 * The assignment plan of one proposal (单办 / 分办 / 主办+会办) as the office edits it, with the server's rules:
 * sole → exactly one unit; parallel → two or more; lead → one lead unit and at least one co-handler.
 */
import type { AssignmentMode, AssignmentPlan } from '../../../../contracts/proposals.ts';

/** The most units a plan may name in either list (the server's limit). */
export const PLAN_UNIT_LIMIT = 20;

/** A unit suggested for a proposal, as GET /proposals/:id/unit-suggestions answers. */
export type UnitSuggestion = { unitId: string; unitName: string; score: number; sources: ('category' | 'history' | 'model')[] };

/** The names of the suggestion sources. */
export const suggestionSourceNames: Record<'category' | 'history' | 'model', string> = {
  category: '类别默认',
  history: '相似提案',
  model: '历史数据学习',
};

/** An empty plan. */
export function emptyPlan(mode: AssignmentMode = 'sole'): AssignmentPlan {
  return { mode, unitIds: [], coUnitIds: [] };
}

/** The problems of a plan, in Chinese; empty when the server will accept it. */
export function planProblems(plan: AssignmentPlan): string[] {
  const problems: string[] = [];
  const units = plan.unitIds;
  const co = plan.mode === 'lead' ? plan.coUnitIds : [];
  if (plan.mode === 'sole' && units.length !== 1) problems.push('单办须选择一个承办单位');
  if (plan.mode === 'parallel' && units.length < 2) problems.push('分办须选择至少两个承办单位');
  if (plan.mode === 'lead') {
    if (units.length !== 1) problems.push('主办+会办须选择一个主办单位');
    if (co.length < 1) problems.push('主办+会办须选择至少一个会办单位');
  }
  if (plan.mode !== 'lead' && plan.coUnitIds.length > 0) problems.push('只有主办+会办才有会办单位');
  if (units.length > PLAN_UNIT_LIMIT || co.length > PLAN_UNIT_LIMIT) problems.push(`承办单位最多 ${PLAN_UNIT_LIMIT} 个`);
  const all = [...units, ...co];
  if (new Set(all).size !== all.length) problems.push('同一单位不能重复选择');
  return problems;
}

/** True when the plan follows the rules. */
export function isPlanValid(plan: AssignmentPlan): boolean {
  return planProblems(plan).length === 0;
}

/** The plan as sent to the server: only a lead plan carries co-handlers. */
export function planForServer(plan: AssignmentPlan): AssignmentPlan {
  return { mode: plan.mode, unitIds: [...plan.unitIds], coUnitIds: plan.mode === 'lead' ? [...plan.coUnitIds] : [] };
}

/**
 * The plan in another mode, keeping the units chosen: sole keeps the first unit; parallel takes every unit;
 * lead makes the first unit the lead and the others co-handlers.
 */
export function withMode(plan: AssignmentPlan, mode: AssignmentMode): AssignmentPlan {
  const all = unique([...plan.unitIds, ...(plan.mode === 'lead' ? plan.coUnitIds : [])]);
  if (mode === 'sole') return { mode, unitIds: all.slice(0, 1), coUnitIds: [] };
  if (mode === 'parallel') return { mode, unitIds: all, coUnitIds: [] };
  return { mode, unitIds: all.slice(0, 1), coUnitIds: all.slice(1) };
}

/** The suggestions best first (score, then category defaults before history, then name). */
export function rankedSuggestions(items: readonly UnitSuggestion[]): UnitSuggestion[] {
  return [...items].sort(
    (left, right) =>
      right.score - left.score ||
      Number(right.sources.includes('category')) - Number(left.sources.includes('category')) ||
      left.unitName.localeCompare(right.unitName, 'zh-CN'),
  );
}

/**
 * The plan the editor starts from: the category's default units when there are any (one → 单办; several → the
 * first as 主办, the others 会办), otherwise the best-scored suggestion as 单办; empty when nothing is suggested.
 */
export function planFromSuggestions(items: readonly UnitSuggestion[]): AssignmentPlan {
  const ranked = rankedSuggestions(items);
  const defaults = ranked.filter((item) => item.sources.includes('category')).map((item) => item.unitId);
  if (defaults.length > 1) return { mode: 'lead', unitIds: [defaults[0]], coUnitIds: defaults.slice(1) };
  if (defaults.length === 1) return { mode: 'sole', unitIds: defaults, coUnitIds: [] };
  return ranked.length > 0 ? { mode: 'sole', unitIds: [ranked[0].unitId], coUnitIds: [] } : emptyPlan();
}

/**
 * Adds a suggested unit where it fits the mode: sole replaces the unit; parallel appends; lead fills the lead
 * first, then the co-handlers. Nothing changes when the unit is already in the plan.
 */
export function addUnit(plan: AssignmentPlan, unitId: string): AssignmentPlan {
  if (plan.unitIds.includes(unitId) || (plan.mode === 'lead' && plan.coUnitIds.includes(unitId))) return plan;
  if (plan.mode === 'sole') return { ...plan, unitIds: [unitId], coUnitIds: [] };
  if (plan.mode === 'parallel') return { ...plan, unitIds: [...plan.unitIds, unitId] };
  if (plan.unitIds.length === 0) return { ...plan, unitIds: [unitId] };
  return { ...plan, coUnitIds: [...plan.coUnitIds, unitId] };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
