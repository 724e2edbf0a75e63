import type { AssignmentPlan, AssignmentRole, Proposal, ProposalState } from '../../../../contracts/proposals.ts';
import { assignmentModeNames, assignmentRoleNames } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { versionConflict } from '../../../platform/http/concurrency.ts';
import { type FieldError, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { itemAssignments } from '../../handling/handled-items.tables.ts';
import { notify } from '../../notifications/notify.ts';
import type { AssignmentRow } from '../assignments.presenter.ts';
import { type AssignmentRules, activeUnitNames, deadlinesFor, loadAssignmentRules } from '../assignments.queries.ts';
import { syncProposalHandledItem } from '../proposals.handled-item.ts';
import { proposalNumberLabel } from '../proposals.numbering.ts';
import { type CoSignerRow, loadVisibleProposal, type ProposalRow, presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';
import { notifyProposers, writeDecision } from './review-decision.ts';

/** One unit's part in a checked plan. */
export type PlannedUnit = { unitId: string; unitName: string; role: AssignmentRole };

/** The shape rules of a plan (before any unit is looked up), as field errors in Chinese. */
function shapeProblems(plan: AssignmentPlan): FieldError[] {
  const problems: FieldError[] = [];
  const co = plan.coUnitIds ?? [];
  if (plan.mode === 'sole' && plan.unitIds.length !== 1) {
    problems.push({ field: 'unitIds', message: '单办须且只能选择一个承办单位' });
  }
  if (plan.mode === 'parallel' && plan.unitIds.length < 2) {
    problems.push({ field: 'unitIds', message: '分办须选择至少两个承办单位' });
  }
  if (plan.mode === 'lead') {
    if (plan.unitIds.length !== 1) problems.push({ field: 'unitIds', message: '主办+会办须且只能选择一个主办单位' });
    if (co.length < 1) problems.push({ field: 'coUnitIds', message: '主办+会办须选择至少一个会办单位' });
  } else if (co.length > 0) {
    problems.push({
      field: 'coUnitIds',
      message: `${assignmentModeNames[plan.mode]}没有会办单位，只有主办+会办才能指定会办单位`,
    });
  }
  const all = [...plan.unitIds, ...co];
  if (new Set(all).size !== all.length) problems.push({ field: 'unitIds', message: '同一承办单位不能重复选择' });
  return problems;
}

/**
 * Checks a plan: sole → one unit; parallel → two or more; lead → one lead unit and at least one co-handler; no unit
 * twice; every unit an active unit of the committee. Returns each unit's role, or throws a 422 naming the problem.
 */
export async function checkAssignmentPlan(tx: Transaction, orgId: string, plan: AssignmentPlan): Promise<PlannedUnit[]> {
  const problems = shapeProblems(plan);
  if (problems.length > 0) throw unprocessable(problems.map((problem) => problem.message).join('；'), problems, 'invalid_plan');
  const co = plan.mode === 'lead' ? (plan.coUnitIds ?? []) : [];
  const names = await activeUnitNames(tx, orgId, [...plan.unitIds, ...co]);
  const unknown = [...plan.unitIds, ...co].filter((unitId) => !names.has(unitId));
  if (unknown.length > 0) {
    throw unprocessable(
      `以下承办单位不存在或已停用：${unknown.join('、')}`,
      unknown.map((unitId) => ({
        field: plan.unitIds.includes(unitId) ? 'unitIds' : 'coUnitIds',
        message: `承办单位不存在或已停用：${unitId}`,
      })),
      'unknown_unit',
    );
  }
  const mainRole: AssignmentRole = plan.mode === 'parallel' ? 'parallel' : plan.mode;
  return [
    ...plan.unitIds.map((unitId) => ({ unitId, unitName: names.get(unitId) ?? '', role: mainRole })),
    ...co.map((unitId) => ({ unitId, unitName: names.get(unitId) ?? '', role: 'co' as const })),
  ];
}

/** Tells a unit's users about a new assignment: what, in which role, due when, and until when it may be adjusted. */
export async function notifyAssignedUnit(
  tx: Transaction,
  proposal: Pick<ProposalRow, 'orgId' | 'title' | 'number'>,
  row: AssignmentRow,
  afterAdjustment = false,
): Promise<number> {
  const number = proposal.number ? `（${proposalNumberLabel(proposal.number)}）` : '';
  const due = row.role === 'co' ? '会办意见期限' : '答复期限';
  return notify(
    tx,
    proposal.orgId,
    { unitIds: [row.unitId] },
    {
      title: `${afterAdjustment ? '调整交办' : '新交办'}提案：${proposal.title}`,
      body:
        `提案“${proposal.title}”${number}${afterAdjustment ? '经调整，' : ''}交贵单位办理（${assignmentRoleNames[row.role as AssignmentRole]}），请及时签收。` +
        `${due}：${row.dueOn}；如需调整承办单位，请于 ${row.adjustmentUntil}（含当日）前提出申请。`,
      subjectType: 'proposal_assignment',
      subjectId: row.id,
      link: `/assignments/${row.id}`,
    },
  );
}

/**
 * Assigns (交办) one filed proposal inside the caller's transaction: checks state, role and version (409 / 403),
 * checks the plan (422), moves the proposal to assigned, writes one pending row per unit with its deadlines,
 * records the event and notifies the units and the proposers. The batch (交办会) calls it for every item.
 */
export async function assignProposalInTransaction(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  plan: AssignmentPlan,
  context: RequestContext,
  options: { batchId?: string | null; rules?: AssignmentRules } = {},
): Promise<{ proposal: ProposalRow; coSigners: CoSignerRow[]; assignments: AssignmentRow[] }> {
  const { proposal, coSigners } = await loadVisibleProposal(tx, actor, id, true);
  const transition = guardTransition(proposalWorkflow, proposal.state as ProposalState, 'assign', actor.roles);
  if (proposal.version !== version) throw versionConflict('提案');
  const subject = { proposal, coSigners, transition };
  const planned = await checkAssignmentPlan(tx, actor.orgId, plan);
  const rules = options.rules ?? (await loadAssignmentRules(tx, deps, actor.orgId));
  const now = deps.now().toISOString();
  const assigned = await writeDecision(tx, subject, now, { assignmentMode: plan.mode, assignedAt: now });
  await syncProposalHandledItem(tx, assigned);
  const rows = await tx
    .insert(itemAssignments)
    .values(
      planned.map((unit) => ({
        orgId: actor.orgId,
        itemId: id,
        unitId: unit.unitId,
        role: unit.role,
        state: 'pending',
        batchId: options.batchId ?? null,
        assignedAt: now,
        ...deadlinesFor(rules, unit.role),
      })),
    )
    .returning();
  const unitList = planned.map((unit) => `${unit.unitName}（${assignmentRoleNames[unit.role]}）`).join('、');
  await recordEvent(tx, deps.config.auditHash, {
    orgId: actor.orgId,
    type: 'proposal.assigned',
    summary: `交办：提案“${proposal.title}”${assignmentModeNames[plan.mode]}，承办单位：${unitList}`,
    actor,
    subjectType: 'proposal',
    subjectId: id,
    before: { state: proposal.state as ProposalState, version: proposal.version },
    after: {
      state: assigned.state,
      version: assigned.version,
      mode: plan.mode,
      batchId: options.batchId ?? null,
      assignments: rows.map((row) => ({
        id: row.id,
        unitId: row.unitId,
        role: row.role,
        dueOn: row.dueOn,
        adjustmentUntil: row.adjustmentUntil,
      })),
    },
    context,
  });
  for (const row of rows) await notifyAssignedUnit(tx, assigned, row);
  await notifyProposers(tx, assigned, coSigners, {
    title: '提案已交办',
    body: `您的提案“${proposal.title}”已交${unitList}办理（${assignmentModeNames[plan.mode]}），答复期限为交办之日起 ${rules.replyDueMonths} 个月。`,
  });
  await indexProposal(tx, actor.orgId, id);
  return { proposal: assigned, coSigners, assignments: rows };
}

/** POST /proposals/{id}/actions/assign: the office assigns one filed proposal (If-Match). */
export async function assignProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  plan: AssignmentPlan,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal, coSigners } = await assignProposalInTransaction(tx, deps, actor, id, version, plan, context);
    return presentProposalFor(tx, deps, actor, proposal, coSigners);
  });
}
