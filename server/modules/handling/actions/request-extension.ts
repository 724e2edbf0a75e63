import type { z } from 'zod';
import type { Extension, extensionRequestSchema, HandledKind } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { proposalOfficeUserIds } from '../../proposals/actions/request-adjustment.ts';
import { extensionRefusal } from '../handling.policy.ts';
import { presentExtension } from '../handling.presenter.ts';
import {
  latestExtensionFor,
  loadAssignmentWithItem,
  loadHandlingRecords,
  loadHandlingRules,
  unitNamesOf,
} from '../handling.queries.ts';
import { throwIfRefused } from '../handling.refusals.ts';
import { extensionRequests } from '../handling.tables.ts';
import { handlingFacts } from '../handling.view.ts';
import { itemWords } from './reply-action.ts';

/**
 * POST /assignments/{id}/extension-requests (延期申请): a replying unit asks, before its deadline, for a later due
 * date, within the kind's cap counted from the assignment (proposals: 6 months in total by default), as often as
 * the kind allows (a micro-suggestion: once).
 */
export async function requestExtension(
  deps: AppDependencies,
  actor: Actor,
  assignmentId: string,
  input: z.output<typeof extensionRequestSchema>,
  context: RequestContext,
): Promise<Extension> {
  return deps.database.orm.transaction(async (tx) => {
    const { assignment, owner, item } = await loadAssignmentWithItem(tx, actor, assignmentId, true);
    const rules = await loadHandlingRules(tx, deps, actor.orgId, item.kind as HandledKind);
    const facts = handlingFacts(assignment, rules);
    const records = await loadHandlingRecords(tx, actor.orgId, owner.id);
    const latest = latestExtensionFor(rules, facts.assignedOn);
    const own = records.extensions.filter((row) => row.assignmentId === assignmentId);
    throwIfRefused(
      extensionRefusal(actor, facts, {
        proposalState: owner.phase,
        today: rules.today,
        requestedDueOn: input.requestedDueOn,
        latest,
        openRequest: own.some((row) => row.state === 'requested'),
        requestsMade: own.length,
        requestLimit: rules.extensionsPerAssignment,
      }),
      rules.kindName,
    );
    const [row] = await tx
      .insert(extensionRequests)
      .values({
        orgId: actor.orgId,
        assignmentId,
        itemId: owner.id,
        unitId: assignment.unitId,
        previousDueOn: assignment.dueOn,
        requestedDueOn: input.requestedDueOn,
        reason: input.reason,
        requestedBy: actor.userId,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict('已有待审批的延期申请', 'already_requested');
        throw error;
      });
    const unitName = (await unitNamesOf(tx, actor.orgId, [assignment.unitId])).get(assignment.unitId) ?? '';
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.extension_requested',
      summary: `${unitName}申请延期至 ${input.requestedDueOn}：${itemWords(rules, owner.title)}`,
      actor,
      subjectType: 'extension_request',
      subjectId: row.id,
      after: { state: row.state, previousDueOn: row.previousDueOn, requestedDueOn: row.requestedDueOn, assignmentId },
      context,
    });
    await notify(
      tx,
      actor.orgId,
      { userIds: await proposalOfficeUserIds(tx, actor.orgId) },
      {
        title: `延期申请：${owner.title}`,
        body: `${unitName}申请将${itemWords(rules, owner.title)}的答复期限由 ${row.previousDueOn} 延至 ${row.requestedDueOn}。理由：${row.reason}`,
        subjectType: 'extension_request',
        subjectId: row.id,
        link: '/handling/extensions',
      },
    );
    return presentExtension(actor, row, { unitName, proposalTitle: owner.title, kind: item.kind });
  });
}
