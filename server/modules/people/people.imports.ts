import { and, eq } from 'drizzle-orm';
import type { ImportRun } from '../../../contracts/imports.ts';
import type { ImportResult } from '../../../contracts/people.ts';
import type { Role } from '../../../contracts/roles.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { unpackedXlsxBytes } from '../../platform/files/xlsx-rows.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { type ImportHooks, inlineImport, runImportJob } from '../../platform/imports/import-job.ts';
import { type ImportRunRow, queueImportRun } from '../../platform/imports/import-runs.ts';
import type { JobHandler } from '../../platform/jobs/job-types.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { importMembers } from './actions/import-members.ts';
import { importUnits } from './actions/import-units.ts';
import { MAX_UNCOMPRESSED_BYTES } from './people.excel.ts';
import { userRoles, users } from './people.tables.ts';

/** The jobs that import a large roster or unit list in the background. */
export const MEMBER_IMPORT_JOB = 'people.import_members';
export const UNIT_IMPORT_JOB = 'people.import_units';

/**
 * A workbook whose sheets unpack to at most this much is imported within its request (a roster of about a thousand
 * rows, read in well under a second); a larger one runs as a job the uploader follows. Both run the same action.
 */
export const INLINE_IMPORT_BYTES = 1024 * 1024;

/**
 * The actor a background import acts as: its uploader as they are now (roles reloaded, so a right taken away
 * meanwhile stops the import); 403 when the account is gone or disabled.
 */
export async function uploaderActor(executor: Executor, run: ImportRunRow): Promise<Actor> {
  const [user] = await executor
    .select()
    .from(users)
    .where(and(eq(users.orgId, run.orgId), eq(users.id, run.createdBy)));
  if (user?.state !== 'active') throw forbidden('上传文件的账户已停用，导入未执行');
  const roles = await executor
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.orgId, run.orgId), eq(userRoles.userId, user.id)));
  return {
    userId: user.id,
    orgId: user.orgId,
    username: user.username,
    displayName: user.displayName,
    roles: roles.map((row) => row.role as Role),
    memberId: user.memberId,
    unitId: user.unitId,
    sessionId: '',
  };
}

/** The request context an upload came with, for the events its background import writes. */
export function uploadContext(run: ImportRunRow): RequestContext {
  return { ip: run.requestIp, requestId: run.requestId };
}

type ImportAction = (
  deps: AppDependencies,
  actor: Actor,
  file: Buffer,
  context: RequestContext,
  hooks?: ImportHooks,
) => Promise<ImportResult>;

/** How each kind of roster upload is imported. */
const rosterImports = {
  members: { action: importMembers as ImportAction, jobType: MEMBER_IMPORT_JOB, what: '委员名单' },
  units: { action: importUnits as ImportAction, jobType: UNIT_IMPORT_JOB, what: '承办单位' },
} as const;

/**
 * An uploaded roster (members or units): a small one is imported at once (200 with the count, or 400 with every
 * error); a large one is handed to a job and answered with its run (202) for the uploader to follow. A file that
 * would unpack past the limit is refused here (413) either way. The caller has checked the right to import.
 */
export async function importUploadedRoster(
  deps: AppDependencies,
  actor: Actor,
  kind: keyof typeof rosterImports,
  upload: { buffer: Buffer; fileName: string },
  context: RequestContext,
): Promise<ImportResult | ImportRun> {
  const spec = rosterImports[kind];
  if (unpackedXlsxBytes(upload.buffer, MAX_UNCOMPRESSED_BYTES) <= INLINE_IMPORT_BYTES) {
    return spec.action(deps, actor, upload.buffer, context, inlineImport);
  }
  return queueImportRun(
    deps,
    actor,
    {
      kind,
      fileName: upload.fileName || `${spec.what}.xlsx`,
      file: upload.buffer,
      jobType: spec.jobType,
      summary: `上传${spec.what}文件，转入后台导入`,
    },
    context,
  );
}

/** The job handler of a kind of roster import: the same action, as the uploader, reporting to the run. */
function rosterJob(kind: keyof typeof rosterImports): JobHandler {
  return (job, deps) =>
    runImportJob(deps, job, async ({ run, file, hooks }) => {
      const actor = await uploaderActor(deps.database.orm, run);
      await rosterImports[kind].action(deps, actor, file, uploadContext(run), hooks);
    });
}

/** Jobs of the people module: background roster imports. */
export const peopleJobs: Record<string, JobHandler> = {
  [MEMBER_IMPORT_JOB]: rosterJob('members'),
  [UNIT_IMPORT_JOB]: rosterJob('units'),
};
