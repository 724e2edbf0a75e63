import type { z } from 'zod';
import type { Appraisal, scoreSubmitSchema } from '../../../../contracts/appraisal.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { scoreProblems } from '../appraisal.policy.ts';
import { isStandingMember, loadAppraisal, presentAppraisals } from '../appraisal.queries.ts';
import { appraisalScores } from '../appraisal.tables.ts';

/**
 * POST /appraisals/{id}/scores: a standing committee member scores one unit on the form while the appraisal is
 * open; scoring the same unit again replaces their earlier form. No one scores for another.
 */
export async function submitScore(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  input: z.output<typeof scoreSubmitSchema>,
  context: RequestContext,
): Promise<Appraisal> {
  return deps.database.orm.transaction(async (tx) => {
    if (!(await isStandingMember(tx, actor)) || !actor.memberId) throw forbidden('只有政协常委可以参加民主评议评分');
    const row = await loadAppraisal(tx, actor.orgId, id, true);
    if (row.state !== 'open') throw conflict('民主评议不在评分期间', 'not_open');
    if (!row.unitIds.includes(input.unitId)) {
      throw unprocessable(
        '该单位不在本次评议范围内',
        [{ field: 'unitId', message: '该单位不在本次评议范围内' }],
        'unit_not_in_appraisal',
      );
    }
    const problems = scoreProblems(row.criteria, input.scores);
    if (problems.length > 0) {
      throw unprocessable(
        problems.join('；'),
        problems.map((message) => ({ field: 'scores', message })),
        'invalid_scores',
      );
    }
    const total = row.criteria.reduce((sum, criterion) => sum + (input.scores[criterion.key] ?? 0), 0);
    const now = deps.now().toISOString();
    await tx
      .insert(appraisalScores)
      .values({
        orgId: actor.orgId,
        appraisalId: id,
        unitId: input.unitId,
        memberId: actor.memberId,
        scores: input.scores,
        total,
        comment: input.comment ?? null,
        submittedAt: now,
      })
      .onConflictDoUpdate({
        target: [appraisalScores.orgId, appraisalScores.appraisalId, appraisalScores.unitId, appraisalScores.memberId],
        set: { scores: input.scores, total, comment: input.comment ?? null, submittedAt: now },
      });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'appraisal.scored',
      summary: `民主评议评分：${row.title}`,
      actor,
      subjectType: 'appraisal',
      subjectId: id,
      after: { unitId: input.unitId, total },
      context,
    });
    const [view] = await presentAppraisals(tx, actor, [row]);
    return view;
  });
}
