import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserWithPassword, userCreateSchema } from '../../../../contracts/people.ts';
import type { Role } from '../../../../contracts/roles.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { blindIndex } from '../../../platform/crypto/hashing.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, conflict, type FieldError, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { newPasswordProblems } from '../../auth/password-checks.ts';
import { stations } from '../../stations/stations.tables.ts';
import { generatePassword, loadSecuritySettings } from '../people.passwords.ts';
import { canCreateUsers, missingLinks, roleChangeProblem } from '../people.policy.ts';
import { type UserRow, userAuditView } from '../people.presenter.ts';
import { members, units, userRoles, users } from '../people.tables.ts';
import { presentUsers, securityAdminExists } from '../users.queries.ts';

export type UserCreate = z.output<typeof userCreateSchema>;

/** 400 unless the linked member and unit belong to the committee, and the roles have the links they need. */
export async function assertAccountLinks(
  tx: Transaction,
  orgId: string,
  next: { roles: readonly Role[]; memberId: string | null; unitId: string | null; stationId?: string | null },
): Promise<void> {
  const errors: FieldError[] = [];
  if (next.memberId) {
    const [row] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, next.memberId)));
    if (!row) errors.push({ field: 'memberId', message: '找不到该委员' });
  }
  if (next.unitId) {
    const [row] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, orgId), eq(units.id, next.unitId)));
    if (!row) errors.push({ field: 'unitId', message: '找不到该承办单位' });
  }
  if (next.stationId) {
    const [row] = await tx
      .select({ id: stations.id })
      .from(stations)
      .where(and(eq(stations.orgId, orgId), eq(stations.id, next.stationId)));
    if (!row) errors.push({ field: 'stationId', message: '找不到该联络站或工作室' });
  }
  const linkMessages: Record<string, string> = {
    memberId: '委员角色须关联一名委员',
    unitId: '承办单位角色须关联一个承办单位',
    stationId: '联络站工作人员须关联一个联络站或工作室',
  };
  for (const field of missingLinks(next)) {
    if (!errors.some((error) => error.field === field)) errors.push({ field, message: linkMessages[field] });
  }
  if (errors.length > 0) throw badRequest(errors.map((error) => error.message).join('；'), errors, 'invalid_links');
}

/**
 * 409 when the member already has another active account: a member record links to at most one (else a second
 * account, whose password its creator knows, would read the member's drafts). Locks the member row first, so two
 * requests at once cannot both pass (the partial unique index backs this up where the migration could create it).
 */
export async function assertMemberHasNoOtherAccount(
  tx: Transaction,
  orgId: string,
  memberId: string,
  exceptUserId?: string,
): Promise<void> {
  await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
    .for('update');
  const conditions = [eq(users.orgId, orgId), eq(users.memberId, memberId), eq(users.state, 'active')];
  if (exceptUserId) conditions.push(ne(users.id, exceptUserId));
  const [taken] = await tx
    .select({ username: users.username })
    .from(users)
    .where(and(...conditions))
    .limit(1);
  if (taken) throw memberTaken(taken.username);
}

/** The 409 of a member who already has an active account. */
export function memberTaken(username?: string) {
  return conflict(
    `该委员已有在用账户${username ? `“${username}”` : ''}：一名委员只能关联一个在用账户，请先停用原账户`,
    'member_has_account',
  );
}

/** 409 when the username or the mobile is taken by any account of the deployment (logins need no committee). */
export async function assertAccountUnique(
  tx: Transaction,
  input: { username?: string; mobileHash?: string | null },
  exceptId?: string,
) {
  if (input.username) {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (row && row.id !== exceptId) throw conflict(`用户名“${input.username}”已被使用`, 'duplicate_username');
  }
  if (input.mobileHash) {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.mobileHash, input.mobileHash));
    if (row && row.id !== exceptId) throw conflict('该手机号已被其他账户使用', 'duplicate_mobile');
  }
}

/** The input of a new account, however it is created (API, demo data, the create-admin script). */
export type NewAccount = {
  orgId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  /** The argon2 hash of the initial password. */
  passwordHash: string;
  mustChangePassword: boolean;
  memberId?: string | null;
  unitId?: string | null;
  stationId?: string | null;
  mobile?: string | null;
  demo?: boolean;
};

/** Inserts an account and its roles inside the caller's transaction (no checks, no event: callers do both). */
export async function insertAccount(tx: Transaction, deps: AppDependencies, input: NewAccount): Promise<UserRow> {
  const now = deps.now().toISOString();
  const [row] = await tx
    .insert(users)
    .values({
      orgId: input.orgId,
      username: input.username,
      displayName: input.displayName,
      passwordHash: input.passwordHash,
      mustChangePassword: input.mustChangePassword,
      memberId: input.memberId ?? null,
      unitId: input.unitId ?? null,
      stationId: input.stationId ?? null,
      mobileEncrypted: input.mobile ? deps.cipher.encrypt(input.mobile) : null,
      mobileHash: input.mobile ? blindIndex(deps.config.sessionSecret, input.mobile) : null,
      demo: input.demo ?? false,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (input.roles.length > 0) {
    await tx.insert(userRoles).values([...new Set(input.roles)].map((role) => ({ orgId: input.orgId, userId: row.id, role })));
  }
  return row;
}

/**
 * Creates an account in the actor's committee. Without a password one is generated and returned once; either
 * way the account must change it at first login.
 */
export async function createUser(
  deps: AppDependencies,
  actor: Actor,
  input: UserCreate,
  context: RequestContext,
): Promise<UserWithPassword> {
  if (!canCreateUsers(actor)) throw forbidden('您无权新建账户');
  const roles = [...new Set(input.roles)];
  const rules = await loadSecuritySettings(deps.database.orm, actor.orgId);
  if (input.password !== undefined) {
    const problems = await newPasswordProblems(deps.database.orm, {
      password: input.password,
      security: rules,
      username: input.username,
    });
    if (problems.length > 0) {
      throw badRequest(
        problems.join('；'),
        problems.map((message) => ({ field: 'password', message })),
        'weak_password',
      );
    }
  }
  const password = input.password ?? generatePassword(rules.passwordMinLength);
  const passwordHash = await hashPassword(password);
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const problem = roleChangeProblem(actor, { id: '', roles: [] }, roles, {
        securityAdminExists: await securityAdminExists(tx, actor.orgId),
      });
      if (problem) throw forbidden(problem, 'role_not_assignable');
      await assertAccountLinks(tx, actor.orgId, {
        roles,
        memberId: input.memberId,
        unitId: input.unitId,
        stationId: input.stationId,
      });
      if (input.memberId) await assertMemberHasNoOtherAccount(tx, actor.orgId, input.memberId);
      const mobileHash = input.mobile ? blindIndex(deps.config.sessionSecret, input.mobile) : null;
      await assertAccountUnique(tx, { username: input.username, mobileHash });
      const row = await insertAccount(tx, deps, {
        ...input,
        orgId: actor.orgId,
        roles,
        passwordHash,
        mustChangePassword: true,
      });
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'user.created',
        summary: `新建账户“${row.username}”（${row.displayName}）`,
        actor,
        subjectType: 'user',
        subjectId: row.id,
        after: { ...userAuditView(row, roles, deps.cipher), passwordGenerated: input.password === undefined },
        context,
      });
      const [user] = await presentUsers(tx, deps, actor, [row]);
      return { user, oneTimePassword: input.password === undefined ? password : null };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_member_active_unique')) throw memberTaken();
    if (isUniqueViolation(error)) throw conflict('用户名或手机号已被使用', 'duplicate_account');
    throw error;
  }
}
