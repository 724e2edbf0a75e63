import type { ImportError } from '../../../contracts/people.ts';
import type { Transaction } from '../db/database.ts';
import { FileNotFoundError, fileStoreFor } from '../files/file-store.ts';
import { Problem } from '../http/problem.ts';
import type { ClaimedJob } from '../jobs/job-types.ts';
import type { AppDependencies } from '../module.ts';
import {
  completeImportRun,
  failImportRun,
  IMPORT_JOB_ATTEMPTS,
  type ImportRunRow,
  importFileKey,
  loadImportRun,
  saveImportProgress,
} from './import-runs.ts';

/**
 * What an import action tells whoever follows it: how far reading got, how far writing got (awaited before each
 * write, so the phase shows while it runs), and, inside the transaction that completes the import, that it is done.
 * Imported at once, nobody follows: `inlineImport`.
 */
export type ImportHooks = {
  reading: (progress: { fraction: number; rowsRead: number }) => void;
  /** `fraction` of the rows written so far (0 before the first write). */
  writing: (fraction?: number) => Promise<void>;
  complete: (tx: Transaction, imported: number) => Promise<void>;
};

/** The hooks of an import done within its request. */
export const inlineImport: ImportHooks = {
  reading: () => {},
  writing: async () => {},
  complete: async () => {},
};

/** Reading the file is most of the work of a roster: it fills the bar up to here, writing the rest. */
const READING_SHARE = 80;
/** Progress is written at most this often (the first word of writing always). */
const PROGRESS_INTERVAL_MS = 400;

/**
 * Hooks that write a background run's progress, at most every PROGRESS_INTERVAL_MS and never two writes at once.
 * Progress is written outside any transaction: call `writing` between transactions, never inside one.
 */
function runHooks(deps: AppDependencies, run: ImportRunRow) {
  let pending: Promise<void> = Promise.resolve();
  let lastWrite = 0;
  let writingStarted = false;
  let rowsRead = 0;
  const write = (progress: Parameters<typeof saveImportProgress>[2]) => {
    lastWrite = Date.now();
    pending = pending.then(() => saveImportProgress(deps.database.orm, run, progress)).catch(() => undefined);
    return pending;
  };
  const due = () => Date.now() - lastWrite >= PROGRESS_INTERVAL_MS;
  const hooks: ImportHooks = {
    reading: (progress) => {
      rowsRead = progress.rowsRead;
      if (!writingStarted && due())
        void write({ phase: 'reading', percent: Math.floor(progress.fraction * READING_SHARE), rowsRead });
    },
    writing: async (fraction = 0) => {
      if (writingStarted && !due()) return;
      writingStarted = true;
      await write({ phase: 'writing', percent: READING_SHARE + Math.floor(fraction * (99 - READING_SHARE)), rowsRead });
    },
    complete: (tx, imported) => completeImportRun(tx, run, imported, deps.now()),
  };
  return { hooks, settled: () => pending };
}

/** The row errors a rejected import's problem carries. */
function problemErrors(problem: Problem): { errors: ImportError[]; errorCount: number } {
  const errors = (problem.extra?.errors as ImportError[] | undefined) ?? [];
  const errorCount = typeof problem.extra?.errorCount === 'number' ? problem.extra.errorCount : errors.length;
  return { errors, errorCount };
}

/**
 * Runs a queued import as a job: loads its run (an ended one is left alone, so a retried job never imports twice),
 * reads the stored file, and calls `work`, which writes its rows and calls `hooks.complete` in one transaction.
 * A refused file (any 4xx problem: row errors, too many rows, a zip bomb) fails the run with its message and row
 * errors; an unexpected error is retried, and fails the run at the last attempt. The stored file is removed when the
 * run ends.
 */
export async function runImportJob(
  deps: AppDependencies,
  job: ClaimedJob,
  work: (input: { run: ImportRunRow; file: Buffer; hooks: ImportHooks }) => Promise<void>,
): Promise<void> {
  const run = job.orgId ? await loadImportRun(deps.database.orm, job.orgId, String(job.payload.runId ?? '')) : null;
  if (!run || run.state === 'done' || run.state === 'failed') return;
  const store = fileStoreFor(deps.config);
  const key = importFileKey(run);
  const end = async (failure: Parameters<typeof failImportRun>[2] | null) => {
    if (failure) await failImportRun(deps, run, failure);
    await store.remove(key);
  };
  await saveImportProgress(deps.database.orm, run, { state: 'running', phase: 'reading', percent: 0, rowsRead: 0 });
  const progress = runHooks(deps, run);
  try {
    const file = await streamToBuffer(await store.get(key));
    await work({ run, file, hooks: progress.hooks });
  } catch (error) {
    await progress.settled();
    if (error instanceof Problem && error.status < 500) {
      await end({ detail: error.detail, ...problemErrors(error) });
      return;
    }
    if (error instanceof FileNotFoundError) {
      await end({ detail: '上传的文件已不存在，请重新上传', errors: [], errorCount: 0 });
      return;
    }
    if (job.attempts >= IMPORT_JOB_ATTEMPTS) {
      await end({
        detail: '导入时发生内部错误，导入未完成。请稍后重新上传同一文件；如仍失败请联系系统管理员',
        errors: [],
        errorCount: 0,
      });
    }
    throw error;
  }
  await progress.settled();
  await end(null);
}

/** The bytes of a stream (a stored upload: a few megabytes at most). */
async function streamToBuffer(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
