import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { fileStoreFor, storageKey } from '../../platform/files/file-store.ts';
import type { JobHandler } from '../../platform/jobs/job-types.ts';
import { BUILD_ARCHIVE_JOB } from './actions/archive-session.ts';
import { buildArchivePackage, packageHash } from './archive.package.ts';
import { sessionArchives } from './archive.tables.ts';

/** Jobs of archiving: writing a session's package after it was archived. */
export const archiveJobs: Record<string, JobHandler> = {
  [BUILD_ARCHIVE_JOB]: async (job, deps) => {
    const archiveId = String(job.payload.archiveId ?? '');
    if (!job.orgId || !archiveId) throw new Error(`${BUILD_ARCHIVE_JOB} needs an organization and an archive`);
    const orm = deps.database.orm;
    const [archive] = await orm
      .select()
      .from(sessionArchives)
      .where(and(eq(sessionArchives.orgId, job.orgId), eq(sessionArchives.id, archiveId)));
    if (!archive || archive.state === 'ready') return;
    // The package is read as the office user who archived the session.
    const office: Actor = {
      userId: archive.archivedBy,
      orgId: job.orgId,
      username: 'archive-job',
      displayName: archive.archivedByName,
      roles: ['proposal_office'],
      memberId: null,
      unitId: null,
      sessionId: 'archive-job',
    };
    try {
      const built = await buildArchivePackage(deps, orm, office, archive.sessionId);
      const key = storageKey('archives', job.orgId, archive.id);
      await fileStoreFor(deps.config).put(key, built.zip);
      await orm
        .update(sessionArchives)
        .set({
          state: 'ready',
          storageKey: key,
          size: built.zip.length,
          sha256: packageHash(built.zip),
          fileCount: built.fileCount,
          error: null,
          readyAt: deps.now().toISOString(),
        })
        .where(and(eq(sessionArchives.orgId, job.orgId), eq(sessionArchives.id, archive.id)));
    } catch (error) {
      await orm
        .update(sessionArchives)
        .set({ state: 'failed', error: String(error).slice(0, 500) })
        .where(and(eq(sessionArchives.orgId, job.orgId), eq(sessionArchives.id, archive.id)));
      throw error;
    }
  },
};
