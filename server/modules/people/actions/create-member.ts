import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Member, memberCreateSchema } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { blindIndex } from '../../../platform/crypto/hashing.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { presentMembers } from '../members.queries.ts';
import { assertMemberDictionaryRefs } from '../people.lookups.ts';
import { canManageMembers } from '../people.policy.ts';
import { memberAuditView } from '../people.presenter.ts';
import { members } from '../people.tables.ts';

export type MemberCreate = z.output<typeof memberCreateSchema>;

/** The stored columns of a member's sensitive fields: ciphertext and blind index. */
export function sealedMemberFields(deps: AppDependencies, input: { idNumber?: string | null; mobile?: string | null }) {
  const seal = (value: string | null | undefined) =>
    value === undefined
      ? {}
      : value === null
        ? { encrypted: null, hash: null }
        : { encrypted: deps.cipher.encrypt(value), hash: blindIndex(deps.config.sessionSecret, value) };
  const idNumber = seal(input.idNumber);
  const mobile = seal(input.mobile);
  return {
    ...('encrypted' in idNumber ? { idNumberEncrypted: idNumber.encrypted, idNumberHash: idNumber.hash } : {}),
    ...('encrypted' in mobile ? { mobileEncrypted: mobile.encrypted, mobileHash: mobile.hash } : {}),
  };
}

/** 409 when another member of the committee has this ID number. */
export async function assertIdNumberFree(tx: Transaction, orgId: string, idNumberHash: string, exceptId?: string): Promise<void> {
  const [other] = await tx
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.idNumberHash, idNumberHash)));
  if (other && other.id !== exceptId) throw conflict(`身份证号已登记在委员“${other.name}”名下`, 'duplicate_id_number');
}

/** Creates a member: checks the dictionary references and the ID number's uniqueness, encrypts, records the event. */
export async function createMember(
  deps: AppDependencies,
  actor: Actor,
  input: MemberCreate,
  context: RequestContext,
): Promise<Member> {
  if (!canManageMembers(actor)) throw forbidden('您无权新增委员');
  try {
    return await deps.database.orm.transaction(async (tx) => {
      await assertMemberDictionaryRefs(tx, actor.orgId, input);
      const sealed = sealedMemberFields(deps, input);
      if (sealed.idNumberHash) await assertIdNumberFree(tx, actor.orgId, sealed.idNumberHash);
      const now = deps.now().toISOString();
      const { idNumber, mobile, ...plain } = input;
      const [row] = await tx
        .insert(members)
        .values({ ...plain, ...sealed, orgId: actor.orgId, createdAt: now, updatedAt: now })
        .returning();
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'member.created',
        summary: `新增委员“${row.name}”`,
        actor,
        subjectType: 'member',
        subjectId: row.id,
        after: memberAuditView(row, deps.cipher),
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
