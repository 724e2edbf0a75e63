import type { z } from 'zod';
import type { Appraisal, appraisalCreateSchema } from '../../../../contracts/appraisal.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { hasAnyRole } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadSession } from '../../orgs/orgs.queries.ts';
import { presentAppraisals } from '../appraisal.queries.ts';
import { appraisals } from '../appraisal.tables.ts';

/** POST /appraisals: the office drafts an appraisal of units' handling with its score form. */
export async function createAppraisal(
  deps: AppDependencies,
  actor: Actor,
  input: z.output<typeof appraisalCreateSchema>,
  context: RequestContext,
): Promise<Appraisal> {
  if (!hasAnyRole(actor, 'proposal_office')) throw forbidden('只有提案委可以组织民主评议');
  const keys = input.criteria.map((criterion) => criterion.key);
  if (new Set(keys).size !== keys.length) {
    throw unprocessable('评分项代码不能重复', [{ field: 'criteria', message: '评分项代码不能重复' }], 'duplicate_criterion');
  }
  return deps.database.orm.transaction(async (tx) => {
    const session = await loadSession(tx, actor.orgId, input.sessionId);
    const [row] = await tx
      .insert(appraisals)
      .values({
        orgId: actor.orgId,
        title: input.title,
        sessionId: session.id,
        scope: input.scope,
        minScores: input.minScores,
        criteria: input.criteria,
        createdBy: actor.userId,
      })
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'appraisal.created',
      summary: `组织民主评议：${input.title}（${session.name}，${input.scope === 'key' ? '重点提案承办单位' : '全部承办单位'}）`,
      actor,
      subjectType: 'appraisal',
      subjectId: row.id,
      after: { state: row.state, scope: row.scope, minScores: row.minScores, criteria: row.criteria },
      context,
    });
    const [view] = await presentAppraisals(tx, actor, [row]);
    return view;
  });
}
