import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { User, userUpdateSchema } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { blindIndex } from '../../../platform/crypto/hashing.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched } from '../../../platform/http/concurrency.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canEditUserProfile, roleChangeProblem } from '../people.policy.ts';
import { userAuditView } from '../people.presenter.ts';
import { userRoles, users } from '../people.tables.ts';
import { loadUser, presentUsers, rolesOf, securityAdminExists } from '../users.queries.ts';
import { assertAccountLinks, assertAccountUnique, assertMemberHasNoOtherAccount, memberTaken } from './create-user.ts';
import { changedFields } from './update-member.ts';

export type UserUpdate = z.output<typeof userUpdateSchema>;

/**
 * Updates an account at the version the client saw: the display name, mobile and links need the system
 * administrator; each role added or removed is checked by roleChangeProblem (三员分立, never one's own).
 */
export async function updateUser(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: UserUpdate,
  context: RequestContext,
): Promise<User> {
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const current = await loadUser(tx, actor.orgId, id, true);
      const currentRoles = (await rolesOf(tx, actor.orgId, [id])).get(id) ?? [];
      const target = { id, roles: currentRoles };
      const nextRoles = input.roles ? [...new Set(input.roles)] : currentRoles;
      const mobileHash = input.mobile ? blindIndex(deps.config.sessionSecret, input.mobile) : input.mobile;
      const profileChanged =
        (input.displayName !== undefined && input.displayName !== current.displayName) ||
        (input.memberId !== undefined && input.memberId !== current.memberId) ||
        (input.unitId !== undefined && input.unitId !== current.unitId) ||
        (input.stationId !== undefined && input.stationId !== current.stationId) ||
        (mobileHash !== undefined && mobileHash !== current.mobileHash);
      if (profileChanged && !canEditUserProfile(actor, target)) throw forbidden('您无权修改账户资料');
      const problem = roleChangeProblem(actor, target, nextRoles, {
        securityAdminExists: await securityAdminExists(tx, actor.orgId),
      });
      if (problem) throw forbidden(problem, 'role_not_assignable');
      if (current.version !== version) throw conflict('账户信息已被他人修改，请刷新后重试', 'version_conflict');
      const next = {
        roles: nextRoles,
        memberId: input.memberId === undefined ? current.memberId : input.memberId,
        unitId: input.unitId === undefined ? current.unitId : input.unitId,
        stationId: input.stationId === undefined ? current.stationId : input.stationId,
      };
      // Links are checked only when roles or links change, so an older account can still be renamed.
      if (input.roles || input.memberId !== undefined || input.unitId !== undefined || input.stationId !== undefined)
        await assertAccountLinks(tx, actor.orgId, next);
      if (next.memberId && next.memberId !== current.memberId && current.state === 'active') {
        await assertMemberHasNoOtherAccount(tx, actor.orgId, next.memberId, id);
      }
      if (mobileHash) await assertAccountUnique(tx, { mobileHash }, id);
      const updated = await tx
        .update(users)
        .set({
          displayName: input.displayName ?? current.displayName,
          memberId: next.memberId,
          unitId: next.unitId,
          stationId: next.stationId,
          ...(input.mobile === undefined
            ? {}
            : { mobileEncrypted: input.mobile ? deps.cipher.encrypt(input.mobile) : null, mobileHash: mobileHash ?? null }),
          version: current.version + 1,
          updatedAt: deps.now().toISOString(),
        })
        .where(and(eq(users.orgId, actor.orgId), eq(users.id, id), eq(users.version, version)))
        .returning();
      assertVersionMatched(updated.length, '账户信息');
      if (input.roles) {
        await tx.delete(userRoles).where(and(eq(userRoles.orgId, actor.orgId), eq(userRoles.userId, id)));
        if (nextRoles.length > 0)
          await tx.insert(userRoles).values(nextRoles.map((role) => ({ orgId: actor.orgId, userId: id, role })));
      }
      const row = updated[0];
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'user.updated',
        summary: `修改账户“${row.username}”${input.roles ? '（含角色）' : ''}`,
        actor,
        subjectType: 'user',
        subjectId: id,
        ...changedFields(userAuditView(current, currentRoles, deps.cipher), userAuditView(row, nextRoles, deps.cipher)),
        context,
      });
      const [user] = await presentUsers(tx, deps, actor, [row]);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_member_active_unique')) throw memberTaken();
    if (isUniqueViolation(error)) throw conflict('该手机号已被其他账户使用', 'duplicate_mobile');
    throw error;
  }
}
