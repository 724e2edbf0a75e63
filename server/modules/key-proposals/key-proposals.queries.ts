import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  activityKindNames,
  type KeyProposal,
  type KeyProposalState,
  type keyProposalListQuerySchema,
} from '../../../contracts/key-proposals.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { availableActions } from '../../platform/workflow/workflow.ts';
import { userRoles, users } from '../people/people.tables.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { canManageKeyProposals, canReadKeyProposals } from './key-proposals.policy.ts';
import { keyProposals, supervisionActivities, supervisionPhotos } from './key-proposals.tables.ts';
import { keyProposalWorkflow } from './key-proposals.workflow.ts';

export type KeyProposalRow = typeof keyProposals.$inferSelect;

/** One key proposal of the committee (404 otherwise); locked for update when asked. */
export async function loadKeyProposal(executor: Executor, orgId: string, id: string, forUpdate = false): Promise<KeyProposalRow> {
  const query = executor
    .select()
    .from(keyProposals)
    .where(and(eq(keyProposals.orgId, orgId), eq(keyProposals.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('重点提案');
  return row;
}

/** The views of key proposals with their proposal, supervisors' names, activities and photos. */
export async function presentKeyProposals(executor: Executor, actor: Actor, rows: KeyProposalRow[]): Promise<KeyProposal[]> {
  if (rows.length === 0) return [];
  const orgId = actor.orgId;
  const proposalRows = await executor
    .select({ id: proposals.id, number: proposals.number, title: proposals.title })
    .from(proposals)
    .where(
      and(
        eq(proposals.orgId, orgId),
        inArray(
          proposals.id,
          rows.map((row) => row.proposalId),
        ),
      ),
    );
  const supervisorIds = [...new Set(rows.flatMap((row) => row.supervisorIds))];
  const people = supervisorIds.length
    ? await executor
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.orgId, orgId), inArray(users.id, supervisorIds)))
    : [];
  const activities = await executor
    .select()
    .from(supervisionActivities)
    .where(
      and(
        eq(supervisionActivities.orgId, orgId),
        inArray(
          supervisionActivities.keyProposalId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(supervisionActivities.happenedOn), asc(supervisionActivities.id));
  const photoIds = [...new Set(activities.flatMap((activity) => activity.photoIds))];
  const photos = photoIds.length
    ? await executor
        .select({ id: supervisionPhotos.id, fileName: supervisionPhotos.fileName })
        .from(supervisionPhotos)
        .where(and(eq(supervisionPhotos.orgId, orgId), inArray(supervisionPhotos.id, photoIds)))
    : [];
  return rows.map((row) => {
    const proposal = proposalRows.find((item) => item.id === row.proposalId);
    const state = row.state as KeyProposalState;
    return {
      id: row.id,
      proposalId: row.proposalId,
      proposalNumber: proposal?.number ?? null,
      proposalTitle: proposal?.title ?? '',
      sessionId: row.sessionId,
      recommenderKind: row.recommenderKind as KeyProposal['recommenderKind'],
      recommenderName: row.recommenderName,
      reason: row.reason,
      declineReason: row.declineReason,
      supervisors: row.supervisorIds.map((userId) => ({
        userId,
        name: people.find((person) => person.id === userId)?.name ?? '',
      })),
      activities: activities
        .filter((activity) => activity.keyProposalId === row.id)
        .map((activity) => ({
          id: activity.id,
          kind: activity.kind as KeyProposal['activities'][number]['kind'],
          kindName: activityKindNames[activity.kind as keyof typeof activityKindNames] ?? activity.kind,
          happenedOn: activity.happenedOn,
          notes: activity.notes,
          photos: activity.photoIds.map((id) => ({ id, fileName: photos.find((photo) => photo.id === id)?.fileName ?? '' })),
          recordedByName: activity.recordedByName,
          createdAt: new Date(activity.createdAt).toISOString(),
        })),
      state,
      stateName: keyProposalWorkflow.states[state] ?? state,
      version: row.version,
      actions: availableActions(keyProposalWorkflow, state, actor.roles),
    };
  });
}

/** GET /key-proposals: the committee's key proposals and recommendations, newest first. */
export async function listKeyProposals(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof keyProposalListQuerySchema>,
): Promise<{ items: KeyProposal[] }> {
  if (!canReadKeyProposals(actor)) throw forbidden('您无权查看重点提案');
  const conditions: SQL[] = [eq(keyProposals.orgId, actor.orgId)];
  if (query.sessionId) conditions.push(eq(keyProposals.sessionId, query.sessionId));
  if (query.state) conditions.push(eq(keyProposals.state, query.state));
  if (query.proposalId) conditions.push(eq(keyProposals.proposalId, query.proposalId));
  const orm = deps.database.orm;
  const rows = await orm
    .select()
    .from(keyProposals)
    .where(and(...conditions))
    .orderBy(desc(keyProposals.id))
    .limit(200);
  return { items: await presentKeyProposals(orm, actor, rows) };
}

/** GET /key-proposals/{id}. */
export async function getKeyProposal(deps: AppDependencies, actor: Actor, id: string): Promise<KeyProposal> {
  if (!canReadKeyProposals(actor)) throw forbidden('您无权查看重点提案');
  const orm = deps.database.orm;
  const [view] = await presentKeyProposals(orm, actor, [await loadKeyProposal(orm, actor.orgId, id)]);
  return view;
}

/** GET /key-proposals/supervisor-candidates: the active supervisors and leaders the office may name, by name. */
export async function listSupervisorCandidates(
  deps: AppDependencies,
  actor: Actor,
): Promise<{ items: { userId: string; name: string; roles: string[] }[] }> {
  if (!canManageKeyProposals(actor)) throw forbidden('只有提案委可以指定督办领导');
  const rows = await deps.database.orm
    .select({ userId: users.id, name: users.displayName, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, and(eq(users.orgId, userRoles.orgId), eq(users.id, userRoles.userId)))
    .where(and(eq(userRoles.orgId, actor.orgId), inArray(userRoles.role, ['supervisor', 'leader']), eq(users.state, 'active')))
    .orderBy(asc(users.displayName), asc(users.id));
  const byUser = new Map<string, { userId: string; name: string; roles: string[] }>();
  for (const row of rows) {
    const entry = byUser.get(row.userId) ?? { userId: row.userId, name: row.name, roles: [] };
    entry.roles.push(row.role);
    byUser.set(row.userId, entry);
  }
  return { items: [...byUser.values()] };
}
