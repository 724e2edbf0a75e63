import type { MemberSensitive } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadMember } from '../members.queries.ts';
import { canRevealMemberSensitive } from '../people.policy.ts';
import { reveal } from '../people.presenter.ts';

/** Shows a member's clear ID number and mobile to those allowed, and records that they looked. */
export async function revealMemberSensitive(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  context: RequestContext,
): Promise<MemberSensitive> {
  return deps.database.orm.transaction(async (tx) => {
    const row = await loadMember(tx, actor.orgId, id);
    if (!canRevealMemberSensitive(actor)) throw forbidden('您无权查看委员的身份证号和手机号');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'member.sensitive_viewed',
      summary: `查看委员“${row.name}”的身份证号和手机号`,
      actor,
      subjectType: 'member',
      subjectId: row.id,
      context,
    });
    return { id: row.id, idNumber: reveal(deps.cipher, row.idNumberEncrypted), mobile: reveal(deps.cipher, row.mobileEncrypted) };
  });
}
