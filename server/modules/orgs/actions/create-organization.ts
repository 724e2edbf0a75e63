import type { OrganizationCreate, OrganizationLevel } from '../../../../contracts/orgs.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { officialCalendarDays } from '../../../platform/calendar/official-calendar.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { defaultDictionaryEntries } from '../orgs.defaults.ts';
import { canCreateChildOrganizations, childLevelProblem } from '../orgs.policy.ts';
import { presentOrganizationSummary } from '../orgs.presenter.ts';
import { loadOrganization, type OrganizationRow } from '../orgs.queries.ts';
import { calendarDays, dictionaryEntries, organizations } from '../orgs.tables.ts';

/** What a new committee needs. */
export type NewOrganization = {
  code: string;
  name: string;
  level: OrganizationLevel;
  parentId: string | null;
  shortName?: string | null;
  timeZone?: string;
};

/**
 * Inserts a committee with its default dictionaries (sectors, parties, special committees, groups, proposal
 * categories, rejection reasons, result classes) and the official holiday calendar, and records the event in
 * the new committee's chain. Runs in the caller's transaction (demo seed, create-admin, POST /orgs, tests).
 * A code already in use is a 409.
 */
export async function createOrganizationWithDefaults(
  tx: Transaction,
  deps: AppDependencies,
  input: NewOrganization,
  by: { actor?: Actor | null; context?: RequestContext } = {},
): Promise<OrganizationRow> {
  let row: OrganizationRow;
  try {
    [row] = await tx
      .insert(organizations)
      .values({
        code: input.code,
        name: input.name,
        shortName: input.shortName ?? null,
        level: input.level,
        parentId: input.parentId,
        timeZone: input.timeZone ?? deps.config.timeZone,
        settings: {},
      })
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`代码“${input.code}”已被其他政协使用`, 'duplicate_organization_code');
    throw error;
  }
  await tx.insert(dictionaryEntries).values(defaultDictionaryEntries().map((entry) => ({ ...entry, orgId: row.id })));
  await tx.insert(calendarDays).values(officialCalendarDays().map((day) => ({ ...day, orgId: row.id })));
  await recordEvent(tx, deps.config.auditHash, {
    orgId: row.id,
    type: 'organization.created',
    summary: `创建政协组织“${row.name}”（含默认字典和法定节假日安排）`,
    actor: by.actor ?? null,
    subjectType: 'organization',
    subjectId: row.id,
    after: presentOrganizationSummary(row),
    context: by.context,
  });
  return row;
}

/** POST /orgs: the system administrator creates a committee under their own; its level must be lower. */
export async function createChildOrganization(
  deps: AppDependencies,
  actor: Actor,
  input: OrganizationCreate,
  context: RequestContext,
): Promise<OrganizationRow> {
  return deps.database.orm.transaction(async (tx) => {
    const parent = await loadOrganization(tx, actor.orgId);
    if (!canCreateChildOrganizations(actor)) throw forbidden('只有系统管理员可以创建下级政协');
    const problem = childLevelProblem(parent.level as OrganizationLevel, input.level);
    if (problem) throw unprocessable(problem, [{ field: 'level', message: problem }], 'level_not_below_parent');
    const child = await createOrganizationWithDefaults(
      tx,
      deps,
      { ...input, parentId: parent.id, timeZone: parent.timeZone },
      { actor, context },
    );
    await recordEvent(tx, deps.config.auditHash, {
      orgId: parent.id,
      type: 'organization.child_created',
      summary: `创建下级政协“${child.name}”`,
      actor,
      subjectType: 'organization',
      subjectId: child.id,
      after: presentOrganizationSummary(child),
      context,
    });
    return child;
  });
}
