import type { z } from 'zod';
import type { Contact, contactCreateSchema, HandledKind } from '../../../../contracts/handling.ts';
import { contactMethodNames } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { contactRefusal } from '../handling.policy.ts';
import { presentContact } from '../handling.presenter.ts';
import { loadAssignmentWithItem, loadHandlingRules, unitNamesOf } from '../handling.queries.ts';
import { throwIfRefused } from '../handling.refusals.ts';
import { handlingContacts } from '../handling.tables.ts';
import { handlingFacts } from '../handling.view.ts';

/**
 * POST /assignments/{id}/contacts (面商): a replying unit records a contact with the proposers — how, when, who
 * took part and what was discussed. Not in the future; the committee may require one before a reply.
 */
export async function recordContact(
  deps: AppDependencies,
  actor: Actor,
  assignmentId: string,
  input: z.output<typeof contactCreateSchema>,
  context: RequestContext,
): Promise<Contact> {
  return deps.database.orm.transaction(async (tx) => {
    const { assignment, owner: proposal, item } = await loadAssignmentWithItem(tx, actor, assignmentId, true);
    const rules = await loadHandlingRules(tx, deps, actor.orgId, item.kind as HandledKind);
    throwIfRefused(contactRefusal(actor, handlingFacts(assignment, rules), proposal.phase), rules.kindName);
    // 面商 is the proposal's rule: other kinds (a micro-suggestion) reply without recorded contacts.
    if (item.kind !== 'proposal') throw conflict(`${rules.kindName}不需要记录与提案人的沟通`, 'not_applicable');
    if (input.contactedOn > rules.today) {
      throw unprocessable('沟通日期不能晚于今天', [{ field: 'contactedOn', message: '沟通日期不能晚于今天' }], 'future_date');
    }
    const [row] = await tx
      .insert(handlingContacts)
      .values({
        orgId: actor.orgId,
        assignmentId,
        itemId: proposal.id,
        unitId: assignment.unitId,
        method: input.method,
        contactedOn: input.contactedOn,
        people: input.people,
        summary: input.summary,
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
      })
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.contact_recorded',
      summary: `记录与提案人沟通（${contactMethodNames[input.method]}，${input.contactedOn}）：提案“${proposal.title}”`,
      actor,
      subjectType: 'proposal_assignment',
      subjectId: assignmentId,
      after: { contactId: row.id, method: row.method, contactedOn: row.contactedOn, proposalId: proposal.id },
      context,
    });
    const names = await unitNamesOf(tx, actor.orgId, [assignment.unitId]);
    return presentContact(row, names.get(assignment.unitId) ?? '');
  });
}
