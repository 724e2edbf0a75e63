import { microStatisticsQuerySchema, microStatisticsSchema } from '../../../contracts/micro-suggestions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { recordDownload } from '../../platform/files/download-audit.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { sendXlsx } from '../../platform/http/xlsx-transfer.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { canReadMicroStatistics } from './micro-suggestions.policy.ts';
import { loadMicroSettings } from './micro-suggestions.queries.ts';
import { computeMicroStatistics, microStatisticsWorkbook } from './micro-suggestions.statistics.ts';

const tags = ['微建议'];

/** Routes of the micro-suggestion statistics and their Excel export (the office, reviewers, supervisors, leaders). */
export function microStatisticsRoutes(app: ApiApp, deps: AppDependencies): void {
  const compute = async (actor: Actor, query: Parameters<typeof computeMicroStatistics>[4]) => {
    const orm = deps.database.orm;
    const settings = await loadMicroSettings(orm, deps, actor.orgId);
    if (!canReadMicroStatistics(actor, settings.reviewerRoles)) {
      throw forbidden('只有提案委、督办领导和党政领导可以查看微建议统计');
    }
    return computeMicroStatistics(orm, actor.orgId, settings.timeZone, settings.today, query);
  };

  app.get(
    '/micro-suggestions/statistics',
    {
      schema: {
        tags,
        summary: '微建议统计：提出、受理、按期答复、办结、满意度、平均办结天数（按单位、街道、领域、月份；含分子分母）',
        querystring: microStatisticsQuerySchema,
        response: { 200: microStatisticsSchema },
      },
    },
    async (request) => compute(requireActor(request), request.query),
  );

  app.get(
    '/micro-suggestions/statistics/export.xlsx',
    { schema: { tags, summary: '导出微建议统计（Excel）', querystring: microStatisticsQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const statistics = await compute(actor, request.query);
      const fileName = `微建议统计-${statistics.from}至${statistics.to}.xlsx`;
      const content = await microStatisticsWorkbook(statistics);
      await recordDownload(
        deps,
        actor,
        {
          type: 'micro_suggestion.statistics_exported',
          summary: `导出微建议统计（${statistics.from} 至 ${statistics.to}，Excel）`,
          subjectType: 'organization',
          subjectId: actor.orgId,
          file: { fileName, groupBy: statistics.groupBy, from: statistics.from, to: statistics.to },
        },
        requestContext(request),
      );
      return sendXlsx(reply, content, fileName);
    },
  );
}
