import type { HandledKind } from '../../../../contracts/handling.ts';
import { handledKindNames } from '../../../../contracts/handling.ts';
import type { Reminder } from '../../../../contracts/supervision.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import type { HandledItemRow } from '../../handling/handled-items.ts';
import { loadAssignmentWithItem, unitNamesOf } from '../../handling/handling.queries.ts';
import { notify } from '../../notifications/notify.ts';
import type { AssignmentRow } from '../../proposals/assignments.presenter.ts';
import { canRemind } from '../supervision.policy.ts';
import { presentReminder } from '../supervision.presenter.ts';
import { reminders } from '../supervision.tables.ts';

/** The item as a reminder names it: 提案“…”, 微建议“…”. */
export function remindedItem(item: Pick<HandledItemRow, 'kind' | 'title'>): string {
  return `${handledKindNames[item.kind as HandledKind] ?? ''}“${item.title}”`;
}

/**
 * Writes one reminder with its notice to the unit's users and its event, in the caller's transaction. A scheduled
 * rule's second reminder for the same assignment and due date is refused by the unique index: returns null.
 */
export async function writeReminder(
  tx: Transaction,
  deps: AppDependencies,
  input: {
    assignment: AssignmentRow;
    item: Pick<HandledItemRow, 'orgId' | 'id' | 'kind' | 'title'>;
    kind: 'manual' | 'scheduled';
    rule: string | null;
    message: string;
    actor: Actor | null;
    context?: RequestContext;
  },
): Promise<Reminder | null> {
  const { assignment, item } = input;
  const rows = await tx
    .insert(reminders)
    .values({
      orgId: item.orgId,
      assignmentId: assignment.id,
      itemId: item.id,
      unitId: assignment.unitId,
      kind: input.kind,
      rule: input.rule,
      dueOn: assignment.dueOn,
      message: input.message,
      sentBy: input.actor?.userId ?? null,
      sentByName: input.actor?.displayName ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (rows.length === 0) return null;
  const unitName = (await unitNamesOf(tx, item.orgId, [assignment.unitId])).get(assignment.unitId) ?? '';
  await notify(
    tx,
    item.orgId,
    { unitIds: [assignment.unitId] },
    {
      title: `催办：${item.title}`,
      body: input.message,
      subjectType: 'proposal_assignment',
      subjectId: assignment.id,
      link: `/handling/${assignment.id}`,
    },
  );
  await recordEvent(tx, deps.config.auditHash, {
    orgId: item.orgId,
    type: 'supervision.reminder_sent',
    summary: `${input.kind === 'manual' ? '催办' : '自动提醒'}${unitName}：${remindedItem(item)}（期限 ${assignment.dueOn}）`,
    actor: input.actor,
    subjectType: 'proposal_assignment',
    subjectId: assignment.id,
    after: { reminderId: rows[0].id, kind: input.kind, rule: input.rule, dueOn: assignment.dueOn },
    context: input.context,
  });
  return presentReminder(rows[0], unitName);
}

/** POST /assignments/{id}/reminders (催办): the office or a supervisor chases a unit that has not replied. */
export async function sendReminder(
  deps: AppDependencies,
  actor: Actor,
  assignmentId: string,
  message: string | undefined,
  context: RequestContext,
): Promise<Reminder> {
  if (!canRemind(actor)) throw forbidden('只有提案委和督办领导可以催办');
  return deps.database.orm.transaction(async (tx) => {
    const { assignment, owner, item } = await loadAssignmentWithItem(tx, actor, assignmentId, true);
    if (assignment.state === 'reassigned') throw conflict('该交办件已调整给其他单位，无需催办', 'reassigned');
    // Only while the item is with its units (a proposal assigned or re-handled; a micro-suggestion handled).
    if (assignment.repliedAt !== null || owner.phase !== 'handling') {
      throw conflict('该单位已答复，无需催办', 'already_replied');
    }
    const text =
      message?.trim() ||
      `请抓紧办理${remindedItem(item)}，并于 ${assignment.dueOn} 前答复${item.kind === 'proposal' ? '提案人' : '建议人'}。`;
    const reminder = await writeReminder(tx, deps, {
      assignment,
      item,
      kind: 'manual',
      rule: null,
      message: text,
      actor,
      context,
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('催办重复，请刷新后重试', 'duplicate');
      throw error;
    });
    if (!reminder) throw conflict('催办重复，请刷新后重试', 'duplicate');
    return reminder;
  });
}
