import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { localTimeToInstant } from '../../../platform/calendar/business-date.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { events } from '../../../platform/events/events.tables.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import { type ImportHooks, inlineImport } from '../../../platform/imports/import-job.ts';
import { enqueue } from '../../../platform/jobs/enqueue.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { dictionaryEntries, organizations } from '../../orgs/orgs.tables.ts';
import { importRowLimits } from '../../people/import-limits.ts';
import { importProblem } from '../../people/people.excel.ts';
import { units } from '../../people/people.tables.ts';
import { indexNewDocuments } from '../../search/search-documents.ts';
import { checkHistoryRows, readHistoryFile } from '../routing.history-file.ts';
import { canManageRouting } from '../routing.policy.ts';
import { historyDocument } from '../routing.search.ts';
import { routingHistory } from '../routing.tables.ts';

/** The job that retrains a committee's routing models. */
export const TRAIN_JOB = 'routing.train';

/** Items written per transaction: each holds the (embedded, single-connection) database for a moment only. */
const WRITE_BATCH = 50;
/** Search documents segmented between two turns of the event loop (a few milliseconds each). */
const INDEX_SLICE = 25;

/** A UUID-shaped id from a SHA-256 digest of the parts (version 4, variant 8 nibbles set). */
function digestId(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  const hex = hash.digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The import's id: the same file imported twice by a committee gets the same id, so a retry cannot double it. */
export function importIdOf(orgId: string, file: Buffer): string {
  return digestId(orgId, file);
}

/**
 * The id of a file row's history item: the same for every attempt at the same file, so an import interrupted between
 * its transactions resumes where it stopped instead of writing a row twice.
 */
function historyItemId(importId: string, row: number): string {
  return digestId(importId, ':', String(row));
}

/** 409 when the committee already imported this file: its import finished (the event that closes it exists). */
export async function refuseImportedTwice(executor: Executor, orgId: string, importId: string): Promise<void> {
  const [already] = await executor
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        eq(events.orgId, orgId),
        eq(events.subjectType, 'routing_import'),
        eq(events.subjectId, importId),
        eq(events.type, 'routing.history_imported'),
      ),
    )
    .limit(1);
  if (already) throw conflict('这个文件已经导入过，不会重复导入', 'already_imported');
}

/** The committee's category and unit names (and codes) that history rows may name, and its time zone. */
async function historyLookups(executor: Executor, orgId: string) {
  const categories = await executor
    .select({ id: dictionaryEntries.id, name: dictionaryEntries.name, code: dictionaryEntries.code })
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.kind, 'proposal_category')));
  const committeeUnits = await executor
    .select({ id: units.id, name: units.name, shortName: units.shortName, code: units.code })
    .from(units)
    .where(eq(units.orgId, orgId));
  const [organization] = await executor
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return {
    categories: new Map(categories.flatMap((entry) => [[entry.code, entry.id] as const, [entry.name, entry.id] as const])),
    units: new Map(
      committeeUnits.flatMap((unit) => [
        [unit.code, unit.id] as const,
        ...(unit.shortName ? [[unit.shortName, unit.id] as const] : []),
        [unit.name, unit.id] as const,
      ]),
    ),
    timeZone: organization?.timeZone,
  };
}

/** Ids of this import's items already written (by an attempt that was interrupted). */
async function writtenItemIds(executor: Executor, orgId: string, importId: string): Promise<Set<string>> {
  const rows = await executor
    .select({ id: routingHistory.id })
    .from(routingHistory)
    .where(and(eq(routingHistory.orgId, orgId), eq(routingHistory.importId, importId)));
  return new Set(rows.map((row) => row.id));
}

/**
 * Imports a committee's past items (历史数据: title, body, category, units) from .xlsx, CSV or JSON Lines, so that
 * routing suggestions work from the first day. The file is read with turns of the event loop up to the committee's
 * row limit and checked whole first, as in the roster import: any error → 400 listing them all and nothing written.
 * Then the items and their search documents are written fifty per transaction (a 20,000-item history in one
 * transaction held the embedded database, and every other request, for half a minute), and a last transaction
 * records the event that closes the import and enqueues training. Item ids derive from the file, so an interrupted
 * import resumes when the same file comes again (a retried job, a new upload); a finished one → 409. Run within the
 * request or as a background job (`hooks`).
 */
export async function importHistory(
  deps: AppDependencies,
  actor: Actor,
  file: Buffer,
  context: RequestContext | null,
  hooks: ImportHooks = inlineImport,
): Promise<{ imported: number; importId: string }> {
  if (!canManageRouting(actor)) throw forbidden('只有提案委工作人员可以导入历史数据');
  const orm = deps.database.orm;
  const limits = await importRowLimits(orm, actor.orgId);
  const rows = await readHistoryFile(file, { maxRows: limits.history, onProgress: hooks.reading });
  const importId = importIdOf(actor.orgId, file);
  await hooks.writing();
  await refuseImportedTwice(orm, actor.orgId, importId);
  const lookups = await historyLookups(orm, actor.orgId);
  const { records, errors } = checkHistoryRows(rows, lookups);
  if (errors.length > 0) throw importProblem(errors);

  const importedAt = deps.now().toISOString();
  const values = records.map((record) => ({
    orgId: actor.orgId,
    id: historyItemId(importId, record.row),
    title: record.title,
    body: record.body,
    categoryId: record.categoryId,
    unitIds: record.unitIds,
    importId,
    importedAt,
    occurredAt: record.localTime ? (localTimeToInstant(record.localTime, lookups.timeZone)?.toISOString() ?? null) : null,
  }));
  const written = await writtenItemIds(orm, actor.orgId, importId);
  const pending = values.filter((value) => !written.has(value.id));
  try {
    for (let start = 0; start < pending.length; start += WRITE_BATCH) {
      const batch = pending.slice(start, start + WRITE_BATCH);
      await orm.transaction(async (tx) => {
        await tx.insert(routingHistory).values(batch);
        for (let at = 0; at < batch.length; at += INDEX_SLICE) {
          await indexNewDocuments(tx, batch.slice(at, at + INDEX_SLICE).map(historyDocument));
          await nextTurn();
        }
      });
      await hooks.writing((start + batch.length) / pending.length);
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('同一个文件正在导入中，请稍后查看导入结果', 'import_in_progress');
    throw error;
  }
  return orm.transaction(async (tx) => {
    await refuseImportedTwice(tx, actor.orgId, importId);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'routing.history_imported',
      summary: `导入历史数据 ${values.length} 条`,
      actor,
      subjectType: 'routing_import',
      subjectId: importId,
      after: { count: values.length, resumed: written.size },
      ...(context ? { context } : {}),
    });
    await enqueue(tx, { type: TRAIN_JOB, orgId: actor.orgId, payload: { importId }, dedupeKey: `routing-train:${importId}` });
    await hooks.complete(tx, values.length);
    return { imported: values.length, importId };
  });
}
