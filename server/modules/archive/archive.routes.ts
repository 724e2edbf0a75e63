import { archivePreviewSchema, sessionArchiveListSchema, sessionArchiveSchema } from '../../../contracts/archive.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { attachmentDisposition } from '../../platform/files/attachment-files.ts';
import { recordDownload, recordOpenedDownload } from '../../platform/files/download-audit.ts';
import { FileNotFoundError, fileStoreFor } from '../../platform/files/file-store.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { conflict, Problem } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { archiveSession } from './actions/archive-session.ts';
import { listArchives, loadArchive, previewArchive } from './archive.queries.ts';

const tags = ['归档'];

/** Routes of archiving: preview, archive a session, the archives and their packages. */
export function archiveRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/sessions/:id/archive-preview',
    {
      schema: {
        tags,
        summary: '归档前预览：各状态提案数（提案委）',
        params: idParamsSchema,
        response: { 200: archivePreviewSchema },
      },
    },
    async (request) => previewArchive(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/sessions/:id/actions/archive',
    {
      schema: {
        tags,
        summary: '归档会议：该次会议的提案全部转为只读，并生成归档包（提案委；If-Match 会议版本号）',
        params: idParamsSchema,
        response: { 200: sessionArchiveSchema },
      },
    },
    async (request) =>
      archiveSession(deps, requireActor(request), request.params.id, expectedVersion(request), requestContext(request)),
  );

  app.get(
    '/archives',
    { schema: { tags, summary: '归档记录（提案委）', response: { 200: sessionArchiveListSchema } } },
    async (request) => listArchives(deps, requireActor(request)),
  );

  app.get(
    '/archives/:id/package.zip',
    { schema: { tags, summary: '下载归档包（ZIP：提案与答复的 Word 文件、附件、Excel 和 JSON 索引）', params: idParamsSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const archive = await loadArchive(deps, actor, request.params.id);
      if (archive.state !== 'ready' || !archive.storageKey) throw conflict('归档包正在生成，请稍后再试', 'archive_not_ready');
      const stream = await fileStoreFor(deps.config)
        .get(archive.storageKey)
        .catch((error) => {
          if (error instanceof FileNotFoundError) throw new Problem(404, 'file_missing', '归档包文件已丢失，请联系管理员');
          throw error;
        });
      const fileName = `归档包-${archive.sessionId}.zip`;
      await recordOpenedDownload(stream, () =>
        recordDownload(
          deps,
          actor,
          {
            type: 'archive.package_downloaded',
            summary: `下载归档包（${archive.proposalCount} 件提案）`,
            subjectType: 'archive',
            subjectId: archive.id,
            file: { fileName, sessionId: archive.sessionId, size: archive.size, sha256: archive.sha256 },
          },
          requestContext(request),
        ),
      );
      return reply
        .type('application/zip')
        .header('content-disposition', attachmentDisposition(fileName, 'archive.zip'))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}
