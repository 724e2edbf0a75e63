import { and, eq } from 'drizzle-orm';
import type { Member, MemberState } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched } from '../../../platform/http/concurrency.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadMember, presentMembers } from '../members.queries.ts';
import { canManageMembers } from '../people.policy.ts';
import { members } from '../people.tables.ts';

/** Deactivates (卸任、调离) or reactivates a member at the version the client saw. */
export async function setMemberState(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  state: MemberState,
  context: RequestContext & { reason?: string },
): Promise<Member> {
  return deps.database.orm.transaction(async (tx) => {
    const current = await loadMember(tx, actor.orgId, id, true);
    if (current.state === state) {
      throw conflict(`委员“${current.name}”当前已是${state === 'active' ? '在任' : '停用'}状态`, 'invalid_transition', {
        state: current.state,
      });
    }
    if (!canManageMembers(actor)) throw forbidden('您无权停用或恢复委员');
    if (current.version !== version) throw conflict('委员信息已被他人修改，请刷新后重试', 'version_conflict');
    const updated = await tx
      .update(members)
      .set({ state, version: current.version + 1, updatedAt: deps.now().toISOString() })
      .where(and(eq(members.orgId, actor.orgId), eq(members.id, id), eq(members.version, version)))
      .returning();
    assertVersionMatched(updated.length, '委员信息');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: state === 'active' ? 'member.reactivated' : 'member.deactivated',
      summary: `${state === 'active' ? '恢复' : '停用'}委员“${current.name}”${context.reason ? `：${context.reason}` : ''}`,
      actor,
      subjectType: 'member',
      subjectId: id,
      before: { state: current.state },
      after: { state, reason: context.reason ?? null },
      context,
    });
    const [member] = await presentMembers(tx, deps, actor, updated);
    return member;
  });
}
