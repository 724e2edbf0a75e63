import { and, count, eq, gt, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Unit, UnitFilter, UnitPage, unitListQuerySchema } from '../../../contracts/people.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor, likePattern } from '../../platform/http/paging.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { unitNames } from './people.lookups.ts';
import { canReadUnits } from './people.policy.ts';
import { presentUnit, type UnitRow } from './people.presenter.ts';
import { units } from './people.tables.ts';

/** The conditions of a unit filter, always within the committee. `q` finds code, name or short name. */
export function unitConditions(orgId: string, filter: UnitFilter): SQL[] {
  const conditions: SQL[] = [eq(units.orgId, orgId)];
  const q = filter.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    conditions.push(or(ilike(units.name, pattern), ilike(units.code, pattern), ilike(units.shortName, pattern))!);
  }
  if (filter.parentId === 'root') conditions.push(isNull(units.parentId));
  else if (filter.parentId) conditions.push(eq(units.parentId, filter.parentId));
  if (filter.kind) conditions.push(eq(units.kind, filter.kind));
  if (filter.active !== undefined) conditions.push(eq(units.active, filter.active));
  return conditions;
}

/** Units as staff see them, with parent names resolved in one query. */
export async function presentUnits(executor: Executor, deps: AppDependencies, orgId: string, rows: UnitRow[]): Promise<Unit[]> {
  const parents = await unitNames(
    executor,
    orgId,
    rows.map((row) => row.parentId),
  );
  return rows.map((row) => presentUnit(row, parents, deps.cipher));
}

/** One page of the committee's handling units (by sort order) and the total matching the filter. */
export async function listUnits(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof unitListQuerySchema>,
): Promise<UnitPage> {
  if (!canReadUnits(actor)) throw forbidden('您无权查看承办单位');
  const executor = deps.database.orm;
  const conditions = unitConditions(actor.orgId, query);
  const after = decodeCursor(query.cursor, ['n', 's']);
  const rows = await executor
    .select()
    .from(units)
    .where(
      and(
        ...conditions,
        after
          ? or(
              gt(units.sortOrder, after[0] as number),
              and(eq(units.sortOrder, after[0] as number), gt(units.id, after[1] as string)),
            )
          : undefined,
      ),
    )
    .orderBy(units.sortOrder, units.id)
    .limit(query.limit + 1);
  const [{ total }] = await executor
    .select({ total: count() })
    .from(units)
    .where(and(...conditions));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await presentUnits(executor, deps, actor.orgId, page),
    nextCursor: rows.length > query.limit ? encodeCursor([last.sortOrder, last.id]) : null,
    total,
  };
}

/** Every unit matching the filter, for the Excel export. */
export async function findUnits(deps: AppDependencies, actor: Actor, filter: UnitFilter): Promise<Unit[]> {
  if (!canReadUnits(actor)) throw forbidden('您无权导出承办单位');
  const rows = await deps.database.orm
    .select()
    .from(units)
    .where(and(...unitConditions(actor.orgId, filter)))
    .orderBy(units.sortOrder, units.id);
  return presentUnits(deps.database.orm, deps, actor.orgId, rows);
}

/** A unit row of the committee, optionally locked for update; 404 otherwise. */
export async function loadUnit(executor: Executor, orgId: string, id: string, lock = false): Promise<UnitRow> {
  const query = executor
    .select()
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('承办单位');
  return row;
}

/** A unit as staff see it; 404 outside the actor's committee. */
export async function getUnit(deps: AppDependencies, actor: Actor, id: string): Promise<Unit> {
  const row = await loadUnit(deps.database.orm, actor.orgId, id);
  if (!canReadUnits(actor)) throw forbidden('您无权查看承办单位');
  const [unit] = await presentUnits(deps.database.orm, deps, actor.orgId, [row]);
  return unit;
}
