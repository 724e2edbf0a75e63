import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignmentBatch, assignmentBatchCreateSchema, ProposalState } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, notFound, Problem, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageAssignments } from '../assignments.policy.ts';
import { loadAssignmentRules, presentBatchById } from '../assignments.queries.ts';
import { proposalNumberLabel } from '../proposals.numbering.ts';
import { assignmentBatches, proposals } from '../proposals.tables.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';
import { assignProposalInTransaction } from './assign-proposal.ts';

type BatchInput = z.output<typeof assignmentBatchCreateSchema>;

/** How a proposal is named in a batch message: 第 n 件（第0001号“案由”）. */
function itemName(index: number, proposal: { number: string | null; title: string }): string {
  const number = proposal.number ? proposalNumberLabel(proposal.number) : '';
  return `第 ${index + 1} 件（${number}“${proposal.title}”）`;
}

/** The same problem, with the item named in the message and its fields under items.n.plan. */
function forItem(error: unknown, index: number, name: string): unknown {
  if (!(error instanceof Problem)) return error;
  const errors = error.errors?.map((field) => ({ field: `items.${index}.plan.${field.field}`, message: field.message }));
  return new Problem(error.status, error.code, `${name}：${error.detail}`, errors, { ...error.extra, index });
}

/**
 * POST /assignment-batches (交办会): assigns many filed proposals of one session in ONE transaction, all or
 * nothing. Every item must be filed and at the version the office saw (a stale item is a 409 naming it, and
 * nothing is written); the batch row carries the session and every assignment row its batchId.
 */
export async function confirmAssignmentBatch(
  deps: AppDependencies,
  actor: Actor,
  input: BatchInput,
  context: RequestContext,
): Promise<AssignmentBatch> {
  if (!canManageAssignments(actor)) throw forbidden('只有提案委工作人员可以确认交办');
  const ids = input.items.map((item) => item.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) {
    throw unprocessable(`同一件提案在批次中出现了多次：${[...new Set(repeated)].join('、')}`, undefined, 'duplicate_item');
  }
  return deps.database.orm.transaction(async (tx) => {
    // Lock every proposal up front, in id order, so two batches never deadlock.
    const locked = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, actor.orgId), inArray(proposals.id, ids)))
      .orderBy(asc(proposals.id))
      .for('update');
    const byId = new Map(locked.map((row) => [row.id, row]));
    input.items.forEach((item, index) => {
      const proposal = byId.get(item.id);
      if (!proposal) throw forItem(notFound('提案'), index, `第 ${index + 1} 件（${item.id}）`);
      const name = itemName(index, proposal);
      if (proposal.state !== 'filed') {
        const stateName = proposalWorkflow.states[proposal.state as ProposalState] ?? proposal.state;
        throw conflict(`${name}当前状态为"${stateName}"，只有已立案的提案才能交办`, 'invalid_transition', {
          id: item.id,
          state: proposal.state,
          index,
        });
      }
      if (proposal.version !== item.version) {
        throw conflict(`${name}已被他人修改，请刷新后重新确认交办（整批均未交办）`, 'version_conflict', { id: item.id, index });
      }
    });
    const sessionIds = new Set(locked.map((row) => row.sessionId));
    if (sessionIds.size > 1) {
      throw unprocessable(
        '一个交办批次中的提案须属于同一次会议',
        [{ field: 'items', message: '提案须属于同一次会议' }],
        'mixed_sessions',
      );
    }
    const [batch] = await tx
      .insert(assignmentBatches)
      .values({
        orgId: actor.orgId,
        sessionId: locked[0].sessionId,
        title: input.title,
        documentNumber: input.documentNumber || null,
        confirmedAt: deps.now().toISOString(),
        confirmedBy: actor.userId,
      })
      .returning();
    const rules = await loadAssignmentRules(tx, deps, actor.orgId);
    for (const [index, item] of input.items.entries()) {
      const name = itemName(index, byId.get(item.id) ?? { number: null, title: item.id });
      try {
        await assignProposalInTransaction(tx, deps, actor, item.id, item.version, item.plan, context, {
          batchId: batch.id,
          rules,
        });
      } catch (error) {
        throw forItem(error, index, name);
      }
    }
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'assignment_batch.confirmed',
      summary: `确认交办批次“${input.title}”${input.documentNumber ? `（${input.documentNumber}）` : ''}，共 ${ids.length} 件提案`,
      actor,
      subjectType: 'assignment_batch',
      subjectId: batch.id,
      after: { sessionId: batch.sessionId, documentNumber: batch.documentNumber, proposalIds: ids },
      context,
    });
    return presentBatchById(tx, actor.orgId, batch.id);
  });
}
