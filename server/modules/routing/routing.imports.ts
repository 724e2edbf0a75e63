import type { ImportRun } from '../../../contracts/imports.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { unpackedXlsxBytes } from '../../platform/files/xlsx-rows.ts';
import { looksLikeXlsx } from '../../platform/http/xlsx-transfer.ts';
import { inlineImport, runImportJob } from '../../platform/imports/import-job.ts';
import { queueImportRun } from '../../platform/imports/import-runs.ts';
import type { JobHandler } from '../../platform/jobs/job-types.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { INLINE_IMPORT_BYTES, uploadContext, uploaderActor } from '../people/people.imports.ts';
import { importHistory, importIdOf, refuseImportedTwice } from './actions/import-history.ts';
import { MAX_HISTORY_UNPACKED_BYTES } from './routing.history-file.ts';

/** The job that imports a large history file in the background. */
export const HISTORY_IMPORT_JOB = 'routing.import_history';

/**
 * An uploaded history file: a small one (up to about a thousand items) is imported at once (200, or 400 with every
 * error); a larger one is handed to a job and answered with its run (202) for the uploader to follow. A workbook that
 * would unpack past the limit is refused here (413), and a file the committee already imported (409), either way.
 */
export async function importUploadedHistory(
  deps: AppDependencies,
  actor: Actor,
  upload: { buffer: Buffer; fileName: string },
  context: RequestContext,
): Promise<{ imported: number; importId: string } | ImportRun> {
  const size = looksLikeXlsx(upload.buffer) ? unpackedXlsxBytes(upload.buffer, MAX_HISTORY_UNPACKED_BYTES) : upload.buffer.length;
  if (size <= INLINE_IMPORT_BYTES) return importHistory(deps, actor, upload.buffer, context, inlineImport);
  await refuseImportedTwice(deps.database.orm, actor.orgId, importIdOf(actor.orgId, upload.buffer));
  return queueImportRun(
    deps,
    actor,
    {
      kind: 'routing_history',
      fileName: upload.fileName || '历史数据',
      file: upload.buffer,
      jobType: HISTORY_IMPORT_JOB,
      summary: '上传历史数据文件，转入后台导入',
    },
    context,
  );
}

/** The job of a background history import: the same action, as the uploader, reporting to the run. */
export const historyImportJob: JobHandler = (job, deps) =>
  runImportJob(deps, job, async ({ run, file, hooks }) => {
    const actor = await uploaderActor(deps.database.orm, run);
    await importHistory(deps, actor, file, uploadContext(run), hooks);
  });
