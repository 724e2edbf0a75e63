import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Appraisal, AppraisalResults, AppraisalState } from '../../../contracts/appraisal.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import { availableActions } from '../../platform/workflow/workflow.ts';
import { members, units } from '../people/people.tables.ts';
import { appraisalResults } from './appraisal.policy.ts';
import { appraisalScores, appraisals } from './appraisal.tables.ts';
import { appraisalWorkflow } from './appraisal.workflow.ts';

export type AppraisalRow = typeof appraisals.$inferSelect;

/** True when the actor is a member of the standing committee (常委), who score appraisals. */
export async function isStandingMember(executor: Executor, actor: Actor): Promise<boolean> {
  if (!actor.memberId || !hasAnyRole(actor, 'member')) return false;
  const [row] = await executor
    .select({ standing: members.isStandingCommittee })
    .from(members)
    .where(and(eq(members.orgId, actor.orgId), eq(members.id, actor.memberId)));
  return row?.standing ?? false;
}

/** One appraisal of the committee (404 otherwise). */
export async function loadAppraisal(executor: Executor, orgId: string, id: string, forUpdate = false): Promise<AppraisalRow> {
  const query = executor
    .select()
    .from(appraisals)
    .where(and(eq(appraisals.orgId, orgId), eq(appraisals.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('民主评议');
  return row;
}

/** The views of appraisals, with the actor's own totals per unit. */
export async function presentAppraisals(executor: Executor, actor: Actor, rows: AppraisalRow[]): Promise<Appraisal[]> {
  const unitIds = [...new Set(rows.flatMap((row) => row.unitIds))];
  const names = unitIds.length
    ? await executor
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.orgId, actor.orgId), inArray(units.id, unitIds)))
    : [];
  const mine =
    actor.memberId && rows.length
      ? await executor
          .select({ appraisalId: appraisalScores.appraisalId, unitId: appraisalScores.unitId, total: appraisalScores.total })
          .from(appraisalScores)
          .where(
            and(
              eq(appraisalScores.orgId, actor.orgId),
              eq(appraisalScores.memberId, actor.memberId),
              inArray(
                appraisalScores.appraisalId,
                rows.map((row) => row.id),
              ),
            ),
          )
      : [];
  return rows.map((row) => {
    const state = row.state as AppraisalState;
    return {
      id: row.id,
      title: row.title,
      sessionId: row.sessionId,
      scope: row.scope as Appraisal['scope'],
      minScores: row.minScores,
      criteria: row.criteria,
      units: row.unitIds.map((unitId) => ({
        unitId,
        unitName: names.find((unit) => unit.id === unitId)?.name ?? '',
        myTotal: mine.find((score) => score.appraisalId === row.id && score.unitId === unitId)?.total ?? null,
      })),
      state,
      stateName: appraisalWorkflow.states[state] ?? state,
      version: row.version,
      actions: availableActions(appraisalWorkflow, state, actor.roles),
    };
  });
}

/** GET /appraisals: the office sees all; standing committee members the open ones; leaders and supervisors all. */
export async function listAppraisals(executor: Executor, actor: Actor): Promise<{ items: Appraisal[] }> {
  const staff = hasAnyRole(actor, 'proposal_office', 'leader', 'supervisor');
  if (!staff && !(await isStandingMember(executor, actor))) throw forbidden('您无权查看民主评议');
  const rows = await executor
    .select()
    .from(appraisals)
    .where(and(eq(appraisals.orgId, actor.orgId), staff ? sql`true` : eq(appraisals.state, 'open')))
    .orderBy(desc(appraisals.id));
  return { items: await presentAppraisals(executor, actor, rows) };
}

/** The results of an appraisal, computed from its scores (appraisal.policy.ts). */
export async function computeResults(executor: Executor, row: AppraisalRow): Promise<AppraisalResults> {
  const scores = await executor
    .select()
    .from(appraisalScores)
    .where(and(eq(appraisalScores.orgId, row.orgId), eq(appraisalScores.appraisalId, row.id)));
  const names = row.unitIds.length
    ? await executor
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.orgId, row.orgId), inArray(units.id, row.unitIds)))
    : [];
  const perUnit = row.unitIds.map((unitId) => {
    const own = scores.filter((score) => score.unitId === unitId);
    return {
      unitId,
      unitName: names.find((unit) => unit.id === unitId)?.name ?? '',
      totals: own.map((score) => score.total),
      byCriterion: Object.fromEntries(
        row.criteria.map((criterion) => [criterion.key, own.map((score) => score.scores[criterion.key] ?? 0)]),
      ),
    };
  });
  return {
    appraisalId: row.id,
    title: row.title,
    state: row.state,
    minScores: row.minScores,
    items: appraisalResults(perUnit, row.minScores),
  };
}
