import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import { portalStatisticsSchema, statisticsQuerySchema, statisticsSchema } from '../../../contracts/statistics.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { attachmentDisposition } from '../../platform/files/attachment-files.ts';
import { recordDownload } from '../../platform/files/download-audit.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { sendXlsx } from '../../platform/http/xlsx-transfer.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { portalOrganization } from '../portal/portal.queries.ts';
import { statisticsReport, statisticsWorkbook } from './statistics.documents.ts';
import { canReadStatistics } from './statistics.policy.ts';
import { computeStatistics } from './statistics.queries.ts';

const tags = ['统计'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Routes of statistics: the figures, their Excel export, the report tables in Word, the portal's totals. */
export function statisticsRoutes(app: ApiApp, deps: AppDependencies): void {
  const read = (request: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(request);
    if (!canReadStatistics(actor)) throw forbidden('只有提案委、督办领导和党政领导可以查看统计');
    return actor;
  };

  app.get(
    '/statistics',
    {
      schema: {
        tags,
        summary: '提案办理统计：立案率、办复率、按期办复率、满意率、见面率、A/B/C 占比、逾期（含分子分母）',
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema },
      },
    },
    async (request) => {
      const actor = read(request);
      return computeStatistics(deps.database.orm, actor.orgId, request.query.sessionId, request.query.groupBy, deps.now());
    },
  );

  app.get(
    '/statistics/export.xlsx',
    { schema: { tags, summary: '导出统计表（Excel）', querystring: statisticsQuerySchema } },
    async (request, reply) => {
      const actor = read(request);
      const statistics = await computeStatistics(
        deps.database.orm,
        actor.orgId,
        request.query.sessionId,
        request.query.groupBy,
        deps.now(),
      );
      const fileName = `提案办理统计-${statistics.sessionName}.xlsx`;
      const content = await statisticsWorkbook(statistics);
      await recordDownload(
        deps,
        actor,
        {
          type: 'statistics.exported',
          summary: `导出${statistics.sessionName}提案办理统计（Excel）`,
          subjectType: 'session',
          subjectId: statistics.sessionId,
          file: { fileName, groupBy: statistics.groupBy },
        },
        requestContext(request),
      );
      return sendXlsx(reply, content, fileName);
    },
  );

  app.get(
    '/statistics/report.docx',
    { schema: { tags, summary: '年度提案工作报告统计附表（Word）', querystring: z.object({ sessionId: idSchema }) } },
    async (request, reply) => {
      const actor = read(request);
      const orm = deps.database.orm;
      const organization = await loadOrganization(orm, actor.orgId);
      const groupings = [
        ['总体情况', 'none'],
        ['各承办单位办理情况', 'unit'],
        ['各类别提案办理情况', 'category'],
        ['按提案人类型统计', 'proposerType'],
      ] as const;
      const tables = [];
      for (const [title, groupBy] of groupings) {
        tables.push({
          title,
          statistics: await computeStatistics(orm, actor.orgId, request.query.sessionId, groupBy, deps.now()),
        });
      }
      const buffer = await statisticsReport(organization.name, tables);
      const { sessionId, sessionName } = tables[0].statistics;
      const fileName = `提案办理统计表-${sessionName}.docx`;
      await recordDownload(
        deps,
        actor,
        {
          type: 'statistics.report_downloaded',
          summary: `下载${sessionName}提案办理统计表（Word）`,
          subjectType: 'session',
          subjectId: sessionId,
          file: { fileName },
        },
        requestContext(request),
      );
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachmentDisposition(fileName, 'statistics.docx'))
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );

  app.get(
    '/portal/statistics',
    {
      config: { public: true },
      schema: {
        tags: ['门户'],
        summary: '门户：一次会议的提案办理统计（总体，无需登录）',
        querystring: z.object({ org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64), sessionId: idSchema }),
        response: { 200: portalStatisticsSchema },
      },
    },
    async (request) => {
      const orm = deps.database.orm;
      const organization = await portalOrganization(orm, request.query.org);
      const statistics = await computeStatistics(orm, organization.id, request.query.sessionId, 'none', deps.now());
      return {
        sessionId: statistics.sessionId,
        sessionName: statistics.sessionName,
        total: statistics.total,
        resultClasses: statistics.resultClasses,
        definitions: statistics.definitions,
      };
    },
  );
}
