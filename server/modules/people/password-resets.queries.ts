import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  PasswordResetRequest,
  PasswordResetRequestList,
  PasswordResetState,
  passwordResetListQuerySchema,
} from '../../../contracts/people.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { availableActions } from '../../platform/workflow/workflow.ts';
import { canDecidePasswordReset, canReadPasswordResets, type PolicyActor } from './people.policy.ts';
import { passwordResetRequests, users } from './people.tables.ts';
import { passwordResetWorkflow } from './people.workflow.ts';

export type ResetRequestRow = typeof passwordResetRequests.$inferSelect;

/** How many requests the list shows (pending ones are few; "all" shows the most recent). */
const LIST_LIMIT = 100;

/** A reset request of the committee, locked for update when asked; 404 otherwise. */
export async function loadResetRequest(executor: Executor, orgId: string, id: string, lock = false): Promise<ResetRequestRow> {
  const query = executor
    .select()
    .from(passwordResetRequests)
    .where(and(eq(passwordResetRequests.orgId, orgId), eq(passwordResetRequests.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('密码重置申请');
  return row;
}

/** True when a pending request can no longer be approved. */
export function isExpired(row: Pick<ResetRequestRow, 'state' | 'expiresAt'>, now: Date): boolean {
  return row.state === 'pending' && new Date(row.expiresAt) <= now;
}

/** The actions the actor may take now on the request (none once it has expired). */
export function resetRequestActions(actor: PolicyActor, row: ResetRequestRow, now: Date) {
  if (isExpired(row, now)) return [];
  return availableActions(passwordResetWorkflow, row.state as PasswordResetState, actor.roles, (action) =>
    canDecidePasswordReset(actor, row, action),
  );
}

/** Requests as administrators see them: the account, who asked and who decided, and the actor's actions. */
export async function presentResetRequests(
  executor: Executor,
  deps: AppDependencies,
  actor: Actor,
  rows: ResetRequestRow[],
): Promise<PasswordResetRequest[]> {
  const ids = [...new Set(rows.flatMap((row) => [row.userId, row.requestedBy, row.decidedBy ?? row.userId]))];
  const accounts =
    ids.length === 0
      ? []
      : await executor
          .select({ id: users.id, username: users.username, displayName: users.displayName })
          .from(users)
          .where(and(eq(users.orgId, actor.orgId), inArray(users.id, ids)));
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const named = (id: string | null) => (id ? { id, name: byId.get(id)?.displayName ?? '（已删除）' } : null);
  const now = deps.now();
  return rows.map((row) => ({
    id: row.id,
    user: byId.get(row.userId) ?? { id: row.userId, username: '', displayName: '（已删除）' },
    requestedBy: named(row.requestedBy),
    reason: row.reason,
    state: row.state as PasswordResetState,
    expired: isExpired(row, now),
    expiresAt: new Date(row.expiresAt).toISOString(),
    decidedBy: named(row.decidedBy),
    decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt).toISOString(),
    decisionReason: row.decisionReason,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    actions: resetRequestActions(actor, row, now),
  }));
}

/** GET /password-reset-requests: the committee's pending (or most recent) requests, newest first; administrators only. */
export async function listResetRequests(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof passwordResetListQuerySchema>,
): Promise<PasswordResetRequestList> {
  if (!canReadPasswordResets(actor)) throw forbidden('只有管理员可以查看密码重置申请');
  const orm = deps.database.orm;
  const conditions = [eq(passwordResetRequests.orgId, actor.orgId)];
  if (query.state !== 'all') conditions.push(eq(passwordResetRequests.state, query.state));
  const rows = await orm
    .select()
    .from(passwordResetRequests)
    .where(and(...conditions))
    .orderBy(desc(passwordResetRequests.createdAt), desc(passwordResetRequests.id))
    .limit(LIST_LIMIT);
  return { items: await presentResetRequests(orm, deps, actor, rows) };
}
