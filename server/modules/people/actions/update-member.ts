import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Member, memberUpdateSchema } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched } from '../../../platform/http/concurrency.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadMember, presentMembers } from '../members.queries.ts';
import { assertMemberDictionaryRefs } from '../people.lookups.ts';
import { canManageMembers } from '../people.policy.ts';
import { memberAuditView } from '../people.presenter.ts';
import { members } from '../people.tables.ts';
import { assertIdNumberFree, sealedMemberFields } from './create-member.ts';

export type MemberUpdate = z.output<typeof memberUpdateSchema>;

/** Only the fields that differ, of the before and after audit views. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter(
    (key) => key !== 'version' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

/** Updates a member at the version the client saw (409 when it moved on); omitted fields stay, null clears. */
export async function updateMember(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: MemberUpdate,
  context: RequestContext,
): Promise<Member> {
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const current = await loadMember(tx, actor.orgId, id, true);
      if (!canManageMembers(actor)) throw forbidden('您无权修改委员信息');
      if (current.version !== version) throw conflict('委员信息已被他人修改，请刷新后重试', 'version_conflict');
      await assertMemberDictionaryRefs(tx, actor.orgId, input, current);
      const sealed = sealedMemberFields(deps, input);
      if (sealed.idNumberHash && sealed.idNumberHash !== current.idNumberHash) {
        await assertIdNumberFree(tx, actor.orgId, sealed.idNumberHash, id);
      }
      const { idNumber, mobile, ...plain } = input;
      const updated = await tx
        .update(members)
        .set({ ...plain, ...sealed, version: current.version + 1, updatedAt: deps.now().toISOString() })
        .where(and(eq(members.orgId, actor.orgId), eq(members.id, id), eq(members.version, version)))
        .returning();
      assertVersionMatched(updated.length, '委员信息');
      const row = updated[0];
      const change = changedFields(memberAuditView(current, deps.cipher), memberAuditView(row, deps.cipher));
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'member.updated',
        summary: `修改委员“${row.name}”的信息`,
        actor,
        subjectType: 'member',
        subjectId: row.id,
        ...change,
        context,
      });
      const [member] = await presentMembers(tx, deps, actor, [row]);
      return member;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('身份证号已登记在其他委员名下', 'duplicate_id_number');
    throw error;
  }
}
