import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { ImportKind, ImportPhase, ImportRun, ImportRunState } from '../../../contracts/imports.ts';
import type { ImportError } from '../../../contracts/people.ts';
import type { Actor, RequestContext } from '../auth/actor.ts';
import { newId } from '../db/columns.ts';
import type { Executor, Transaction } from '../db/database.ts';
import { recordEvent } from '../events/record-event.ts';
import { fileStoreFor, storageKey } from '../files/file-store.ts';
import { conflict, notFound } from '../http/problem.ts';
import { enqueue } from '../jobs/enqueue.ts';
import type { AppDependencies } from '../module.ts';
import { importRuns } from './import-runs.tables.ts';

/** A stored run. */
export type ImportRunRow = typeof importRuns.$inferSelect;

/** Attempts of an import job: a crashed worker's import is taken up again, a failing one given up. */
export const IMPORT_JOB_ATTEMPTS = 3;
/** An unfinished import younger than this keeps its uploader from starting another of the same kind. */
const UNFINISHED_WINDOW_MS = 60 * 60_000;
/** Finished runs (with their row errors) are kept this long. */
const FINISHED_RETENTION_DAYS = 30;

/** Where a run's uploaded file waits until the import ends. */
export function importFileKey(run: Pick<ImportRunRow, 'orgId' | 'id'>): string {
  return storageKey('imports', run.orgId, run.id);
}

/** A run as its uploader sees it. */
export function presentImportRun(row: ImportRunRow): ImportRun {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.fileName,
    state: row.state as ImportRunState,
    phase: (row.phase as ImportPhase | null) ?? null,
    percent: row.percent,
    rowsRead: row.rowsRead,
    imported: row.imported,
    errorCount: row.errorCount,
    errors: row.errors as ImportError[],
    detail: row.detail,
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
  };
}

/** What a module says about an import it hands to the background. */
export type QueuedImport = {
  kind: ImportKind;
  fileName: string;
  file: Buffer;
  /** The job type whose handler (registered by the module) runs the import. */
  jobType: string;
  /** The event's summary, e.g. 上传委员名单（后台导入）. */
  summary: string;
};

/**
 * Hands an import to the background: the file goes to the file store, then one transaction inserts the run, enqueues
 * its job and records the event. The uploader may have one unfinished import of a kind at a time (409).
 */
export async function queueImportRun(
  deps: AppDependencies,
  actor: Actor,
  input: QueuedImport,
  context: RequestContext,
): Promise<ImportRun> {
  const id = newId();
  const key = importFileKey({ orgId: actor.orgId, id });
  const store = fileStoreFor(deps.config);
  await store.put(key, input.file);
  try {
    const row = await deps.database.orm.transaction(async (tx) => {
      const since = new Date(deps.now().getTime() - UNFINISHED_WINDOW_MS).toISOString();
      const [unfinished] = await tx
        .select({ id: importRuns.id })
        .from(importRuns)
        .where(
          and(
            eq(importRuns.orgId, actor.orgId),
            eq(importRuns.createdBy, actor.userId),
            eq(importRuns.kind, input.kind),
            inArray(importRuns.state, ['queued', 'running']),
            gt(importRuns.createdAt, since),
          ),
        )
        .limit(1);
      if (unfinished) throw conflict('您上传的上一个文件还在导入中，请等它完成后再上传', 'import_in_progress');
      const [inserted] = await tx
        .insert(importRuns)
        .values({
          orgId: actor.orgId,
          id,
          kind: input.kind,
          fileName: input.fileName.slice(0, 200),
          createdBy: actor.userId,
          createdByName: actor.displayName,
          requestIp: context.ip,
          requestId: context.requestId,
          createdAt: deps.now().toISOString(),
        })
        .returning();
      await enqueue(tx, { type: input.jobType, orgId: actor.orgId, payload: { runId: id }, maxAttempts: IMPORT_JOB_ATTEMPTS });
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'import.queued',
        summary: input.summary,
        actor,
        subjectType: 'import_run',
        subjectId: id,
        after: { kind: input.kind, fileName: inserted.fileName, bytes: input.file.length },
        context,
      });
      return inserted;
    });
    return presentImportRun(row);
  } catch (error) {
    await store.remove(key);
    throw error;
  }
}

/** A run of the uploader in their committee; anyone else's (or none) is a 404. */
export async function getImportRun(
  deps: AppDependencies,
  actor: Pick<Actor, 'orgId' | 'userId'>,
  id: string,
): Promise<ImportRun> {
  const [row] = await deps.database.orm
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.orgId, actor.orgId), eq(importRuns.id, id), eq(importRuns.createdBy, actor.userId)));
  if (!row) throw notFound('导入任务');
  return presentImportRun(row);
}

/** A run by its id, for its job. */
export async function loadImportRun(executor: Executor, orgId: string, id: string): Promise<ImportRunRow | null> {
  const [row] = await executor
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.orgId, orgId), eq(importRuns.id, id)));
  return row ?? null;
}

/** Marks a run done in the transaction that wrote its rows, so a retried job never imports twice. */
export async function completeImportRun(tx: Transaction, run: ImportRunRow, imported: number, now: Date): Promise<void> {
  await tx
    .update(importRuns)
    .set({ state: 'done', phase: null, percent: 100, imported, finishedAt: now.toISOString() })
    .where(and(eq(importRuns.orgId, run.orgId), eq(importRuns.id, run.id)));
}

/** Marks a run failed with why and its row errors, and records the event, in one transaction. */
export async function failImportRun(
  deps: AppDependencies,
  run: ImportRunRow,
  failure: { detail: string; errors: ImportError[]; errorCount: number },
): Promise<void> {
  await deps.database.orm.transaction(async (tx) => {
    const changed = await tx
      .update(importRuns)
      .set({
        state: 'failed',
        phase: null,
        detail: failure.detail,
        errors: failure.errors,
        errorCount: failure.errorCount,
        finishedAt: deps.now().toISOString(),
      })
      .where(and(eq(importRuns.orgId, run.orgId), eq(importRuns.id, run.id), inArray(importRuns.state, ['queued', 'running'])))
      .returning({ id: importRuns.id });
    if (changed.length === 0) return;
    await recordEvent(tx, deps.config.auditHash, {
      orgId: run.orgId,
      type: 'import.failed',
      summary: `后台导入未完成：${run.fileName}`,
      actor: { userId: run.createdBy, displayName: run.createdByName },
      subjectType: 'import_run',
      subjectId: run.id,
      after: { kind: run.kind, detail: failure.detail, errorCount: failure.errorCount },
      result: 'failure',
      context: { ip: run.requestIp, requestId: run.requestId },
    });
  });
}

/** Writes a running import's progress (outside any transaction); a run that ended meanwhile is left alone. */
export async function saveImportProgress(
  executor: Executor,
  run: ImportRunRow,
  progress: { state?: 'running'; phase: ImportPhase; percent: number; rowsRead?: number },
): Promise<void> {
  await executor
    .update(importRuns)
    .set(progress)
    .where(and(eq(importRuns.orgId, run.orgId), eq(importRuns.id, run.id), inArray(importRuns.state, ['queued', 'running'])));
}

/** Deletes finished runs past their retention (the maintenance purge). */
export async function purgeFinishedImportRuns(deps: AppDependencies): Promise<void> {
  const cutoff = new Date(deps.now().getTime() - FINISHED_RETENTION_DAYS * 24 * 3600_000).toISOString();
  await deps.database.orm
    .delete(importRuns)
    .where(and(inArray(importRuns.state, ['done', 'failed']), lt(importRuns.finishedAt, cutoff)));
}
