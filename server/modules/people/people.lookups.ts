import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, type FieldError } from '../../platform/http/problem.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { members, units } from './people.tables.ts';

/** Dictionary kinds a member refers to, with the member field and the Chinese name of each. */
export const memberDictionaryFields = [
  { field: 'sectorId', kind: 'sector', label: '界别' },
  { field: 'partyId', kind: 'party', label: '党派' },
  { field: 'committeeId', kind: 'committee', label: '专委会' },
  { field: 'groupId', kind: 'group', label: '小组' },
] as const;

export type MemberDictionaryField = (typeof memberDictionaryFields)[number]['field'];
export type Named = { id: string; name: string };

const unique = (ids: readonly (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];

/** Names of dictionary entries by id, for presenting references. */
export async function dictionaryNames(
  executor: Executor,
  orgId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, Named>> {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: dictionaryEntries.id, name: dictionaryEntries.name })
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.orgId, orgId), inArray(dictionaryEntries.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Names of members by id. */
export async function memberNames(
  executor: Executor,
  orgId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, Named>> {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Names of units by id. */
export async function unitNames(executor: Executor, orgId: string, ids: readonly (string | null)[]): Promise<Map<string, Named>> {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.orgId, orgId), inArray(units.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Checks that each given dictionary reference names an active entry of the right kind in the committee;
 * throws one 400 listing every bad field. Unchanged references (`keep`) are not re-checked, so an entry
 * retired later does not block editing other fields.
 */
export async function assertMemberDictionaryRefs(
  executor: Executor,
  orgId: string,
  input: Partial<Record<MemberDictionaryField, string | null>>,
  keep: Partial<Record<MemberDictionaryField, string | null>> = {},
): Promise<void> {
  const checks = memberDictionaryFields.filter(({ field }) => input[field] && input[field] !== keep[field]);
  if (checks.length === 0) return;
  const rows = await executor
    .select({ id: dictionaryEntries.id, kind: dictionaryEntries.kind, active: dictionaryEntries.active })
    .from(dictionaryEntries)
    .where(
      and(
        eq(dictionaryEntries.orgId, orgId),
        inArray(
          dictionaryEntries.id,
          checks.map(({ field }) => input[field] as string),
        ),
      ),
    );
  const errors: FieldError[] = [];
  for (const { field, kind, label } of checks) {
    const row = rows.find((candidate) => candidate.id === input[field]);
    if (!row || row.kind !== kind) errors.push({ field, message: `找不到该${label}` });
    else if (!row.active) errors.push({ field, message: `该${label}已停用` });
  }
  if (errors.length > 0) throw badRequest(errors.map((error) => error.message).join('；'), errors, 'unknown_reference');
}

/** Active dictionary entries of one kind: ids by name and by code, and the names in display order. */
export type DictionaryLookup = { byKey: Map<string, string>; names: string[] };

/** Active dictionary entries of the member kinds, by kind, for Excel import and the template's instructions. */
export async function memberDictionaries(executor: Executor, orgId: string): Promise<Map<string, DictionaryLookup>> {
  const rows = await executor
    .select({
      id: dictionaryEntries.id,
      kind: dictionaryEntries.kind,
      code: dictionaryEntries.code,
      name: dictionaryEntries.name,
    })
    .from(dictionaryEntries)
    .where(
      and(
        eq(dictionaryEntries.orgId, orgId),
        eq(dictionaryEntries.active, true),
        inArray(
          dictionaryEntries.kind,
          memberDictionaryFields.map(({ kind }) => kind),
        ),
      ),
    )
    .orderBy(dictionaryEntries.sortOrder, dictionaryEntries.code);
  const byKind = new Map<string, DictionaryLookup>(
    memberDictionaryFields.map(({ kind }) => [kind, { byKey: new Map(), names: [] }]),
  );
  for (const row of rows) {
    const lookup = byKind.get(row.kind)!;
    if (!lookup.byKey.has(row.code)) lookup.byKey.set(row.code, row.id);
    lookup.byKey.set(row.name, row.id);
    lookup.names.push(row.name);
  }
  return byKind;
}
