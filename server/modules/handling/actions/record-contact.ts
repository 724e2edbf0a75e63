import type { z } from 'zod';
import type { Contact, contactCreateSchema } from '../../../../contracts/handling.ts';
import { contactMethodNames } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { contactRefusal } from '../handling.policy.ts';
import { presentContact } from '../handling.presenter.ts';
import { loadAssignmentWithProposal, loadHandlingRules, unitNamesOf } from '../handling.queries.ts';
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
    const { assignment, proposal } = await loadAssignmentWithProposal(tx, actor, assignmentId, true);
    const rules = await loadHandlingRules(tx, deps, actor.orgId);
    throwIfRefused(contactRefusal(actor, handlingFacts(assignment, rules), proposal.state));
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
