import { and, count, eq, exists, gt, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { User, UserPage, userListQuerySchema } from '../../../contracts/people.ts';
import type { Role } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor, likePattern } from '../../platform/http/paging.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { availableActions } from '../../platform/workflow/workflow.ts';
import { stationNames } from '../stations/stations.queries.ts';
import { memberNames, unitNames } from './people.lookups.ts';
import { canReadUser, canTakeUserAction, type PolicyActor } from './people.policy.ts';
import { isLocked, presentUser, type UserRow } from './people.presenter.ts';
import { userRoles, users } from './people.tables.ts';
import { accountWorkflow } from './people.workflow.ts';

/** The roles of each account, by user id. */
export async function rolesOf(executor: Executor, orgId: string, userIds: readonly string[]): Promise<Map<string, Role[]>> {
  const result = new Map<string, Role[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await executor
    .select()
    .from(userRoles)
    .where(and(eq(userRoles.orgId, orgId), inArray(userRoles.userId, [...userIds])))
    .orderBy(userRoles.role);
  for (const row of rows) result.get(row.userId)?.push(row.role as Role);
  return result;
}

/** An account row of the committee, optionally locked for update; 404 otherwise. */
export async function loadUser(executor: Executor, orgId: string, id: string, lock = false): Promise<UserRow> {
  const query = executor
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('账户');
  return row;
}

/** True when an active account of the committee holds the security administrator role. */
export async function securityAdminExists(executor: Executor, orgId: string): Promise<boolean> {
  const [row] = await executor
    .select({ total: count() })
    .from(userRoles)
    .innerJoin(users, and(eq(users.orgId, userRoles.orgId), eq(users.id, userRoles.userId)))
    .where(and(eq(userRoles.orgId, orgId), eq(userRoles.role, 'security_admin'), eq(users.state, 'active')));
  return row.total > 0;
}

/** The workflow actions the actor may take now on the account (unlock only while it is locked). */
export function accountActions(actor: PolicyActor, row: UserRow, roles: Role[], now: Date) {
  const target = { id: row.id, roles };
  return availableActions(
    accountWorkflow,
    row.state as 'active' | 'disabled',
    actor.roles,
    (action) => canTakeUserAction(actor, target, action) && (action !== 'unlock' || isLocked(row, now)),
  );
}

/** Accounts as administrators see them, with roles, linked names and the actor's available actions. */
export async function presentUsers(executor: Executor, deps: AppDependencies, actor: Actor, rows: UserRow[]): Promise<User[]> {
  const ids = rows.map((row) => row.id);
  const [roles, members, units] = [
    await rolesOf(executor, actor.orgId, ids),
    await memberNames(
      executor,
      actor.orgId,
      rows.map((row) => row.memberId),
    ),
    await unitNames(
      executor,
      actor.orgId,
      rows.map((row) => row.unitId),
    ),
  ];
  const stations = await stationNames(
    executor,
    actor.orgId,
    rows.map((row) => row.stationId),
  );
  const now = deps.now();
  return rows.map((row) => {
    const held = roles.get(row.id) ?? [];
    return presentUser(row, {
      roles: held,
      members,
      units,
      stations,
      now,
      cipher: deps.cipher,
      actions: accountActions(actor, row, held, now),
    });
  });
}

/** One page of the committee's accounts (oldest first) and the total matching the filter. */
export async function listUsers(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof userListQuerySchema>,
): Promise<UserPage> {
  if (!canReadUser(actor)) throw forbidden('您无权查看账户列表');
  const executor = deps.database.orm;
  const conditions: SQL[] = [eq(users.orgId, actor.orgId)];
  if (query.q) conditions.push(or(ilike(users.username, likePattern(query.q)), ilike(users.displayName, likePattern(query.q)))!);
  if (query.state) conditions.push(eq(users.state, query.state));
  if (query.role) {
    const role = query.role;
    conditions.push(
      exists(
        executor
          .select({ one: userRoles.role })
          .from(userRoles)
          .where(and(eq(userRoles.orgId, users.orgId), eq(userRoles.userId, users.id), eq(userRoles.role, role))),
      ),
    );
  }
  const after = decodeCursor(query.cursor, ['s']);
  const rows = await executor
    .select()
    .from(users)
    .where(and(...conditions, after ? gt(users.id, after[0] as string) : undefined))
    .orderBy(users.id)
    .limit(query.limit + 1);
  const [{ total }] = await executor
    .select({ total: count() })
    .from(users)
    .where(and(...conditions));
  const page = rows.slice(0, query.limit);
  return {
    items: await presentUsers(executor, deps, actor, page),
    nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
    total,
  };
}

/** One account as administrators see it (anyone may read their own); 404 outside the committee. */
export async function getUser(deps: AppDependencies, actor: Actor, id: string): Promise<User> {
  const row = await loadUser(deps.database.orm, actor.orgId, id);
  if (!canReadUser(actor, { id, roles: [] })) throw forbidden('您无权查看该账户');
  const [user] = await presentUsers(deps.database.orm, deps, actor, [row]);
  return user;
}
