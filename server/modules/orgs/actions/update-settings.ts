import { and, eq } from 'drizzle-orm';
import type { SettingsPatch } from '../../../../contracts/orgs.ts';
import { effectiveSettings, type TenantSettings, tenantSettingsSchema } from '../../../../contracts/settings.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { type FieldError, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { settingsChangeProblem } from '../orgs.policy.ts';
import { loadOrganization, type OrganizationRow } from '../orgs.queries.ts';
import { organizations } from '../orgs.tables.ts';

type StoredSettings = Record<string, unknown>;

/** Stored overrides merged with a patch, one level deep for the grouped parts (security, proposals). */
export function mergeSettings(stored: StoredSettings, patch: SettingsPatch): StoredSettings {
  const merged: StoredSettings = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const before = merged[key];
    merged[key] =
      typeof value === 'object' && value !== null && typeof before === 'object' && before !== null
        ? { ...(before as StoredSettings), ...value }
        : value;
  }
  return merged;
}

/** Rules that tie several settings together. */
function crossFieldProblems(settings: TenantSettings): FieldError[] {
  const problems: FieldError[] = [];
  if (settings.proposals.extensionMaxMonths < settings.proposals.replyDueMonths) {
    problems.push({ field: 'proposals.extensionMaxMonths', message: '延期后的最长办理期限不能短于答复期限' });
  }
  return problems;
}

/** Only the settings whose effective value changed, before and after, for the event. */
function changedSettings(before: TenantSettings, after: TenantSettings) {
  const flatten = (settings: TenantSettings) =>
    Object.fromEntries(
      Object.entries(settings).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null
          ? Object.entries(value).map(([inner, innerValue]) => [`${key}.${inner}`, innerValue])
          : [[key, value]],
      ),
    );
  const [old, next] = [flatten(before), flatten(after)];
  const keys = Object.keys(next).filter((key) => JSON.stringify(old[key]) !== JSON.stringify(next[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, old[key]])),
    after: Object.fromEntries(keys.map((key) => [key, next[key]])),
  };
}

/**
 * PATCH /orgs/current/settings at the version the client saw: security rules by the security administrator,
 * the rest by the system administrator. Only overrides are stored, so keys never set follow future defaults.
 */
export async function updateSettings(
  deps: AppDependencies,
  actor: Actor,
  version: number,
  patch: SettingsPatch,
  context: RequestContext,
): Promise<OrganizationRow> {
  return deps.database.orm.transaction(async (tx) => {
    const current = await loadOrganization(tx, actor.orgId, true);
    const problem = settingsChangeProblem(actor, patch);
    if (problem) throw forbidden(problem);
    if (current.version !== version) throw versionConflict('本会设置');
    const stored = tenantSettingsSchema.safeParse(current.settings ?? {}).success ? (current.settings as StoredSettings) : {};
    const merged = mergeSettings(stored, patch);
    const before = effectiveSettings(current.settings);
    const after = tenantSettingsSchema.parse(merged);
    const problems = crossFieldProblems(after);
    if (problems.length > 0)
      throw unprocessable(problems.map((item) => item.message).join('；'), problems, 'settings_inconsistent');
    const updated = await tx
      .update(organizations)
      .set({ settings: merged, version: current.version + 1, updatedAt: deps.now().toISOString() })
      .where(and(eq(organizations.id, actor.orgId), eq(organizations.version, version)))
      .returning();
    assertVersionMatched(updated.length, '本会设置');
    const change = changedSettings(before, after);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'organization.settings_updated',
      summary: `修改本会设置：${Object.keys(change.after).join('、') || '无变化'}`,
      actor,
      subjectType: 'organization',
      subjectId: actor.orgId,
      ...change,
      context,
    });
    return updated[0];
  });
}
