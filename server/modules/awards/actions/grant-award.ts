import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Award, awardCreateSchema } from '../../../../contracts/awards.ts';
import { awardKindNames } from '../../../../contracts/awards.ts';
import { type Actor, hasAnyRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { units } from '../../people/people.tables.ts';
import { filedAndLaterStates } from '../../proposals/proposals.policy.ts';
import { proposals } from '../../proposals/proposals.tables.ts';
import { listAwards } from '../awards.queries.ts';
import { awards } from '../awards.tables.ts';

/** POST /awards: the office records an excellent proposal (filed or later) or a model unit of a year, once each. */
export async function grantAward(
  deps: AppDependencies,
  actor: Actor,
  input: z.output<typeof awardCreateSchema>,
  context: RequestContext,
): Promise<Award> {
  if (!hasAnyRole(actor, 'proposal_office')) throw forbidden('只有提案委可以登记表彰');
  return deps.database.orm.transaction(async (tx) => {
    let subject = '';
    if (input.proposalId) {
      const [proposal] = await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, input.proposalId)));
      if (!proposal || !filedAndLaterStates.includes(proposal.state)) {
        throw unprocessable(
          '优秀提案须是本会已立案的提案',
          [{ field: 'proposalId', message: '提案不存在或未立案' }],
          'unknown_proposal',
        );
      }
      subject = `提案“${proposal.title}”`;
    } else if (input.unitId) {
      const [unit] = await tx
        .select()
        .from(units)
        .where(and(eq(units.orgId, actor.orgId), eq(units.id, input.unitId)));
      if (!unit) throw unprocessable('承办单位不存在', [{ field: 'unitId', message: '承办单位不存在' }], 'unknown_unit');
      subject = unit.name;
    }
    const [row] = await tx
      .insert(awards)
      .values({
        orgId: actor.orgId,
        year: input.year,
        kind: input.kind,
        proposalId: input.proposalId ?? null,
        unitId: input.unitId ?? null,
        citation: input.citation ?? null,
        awardedBy: actor.userId,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict(`${subject}已是 ${input.year} 年度${awardKindNames[input.kind]}`, 'already_awarded');
        throw error;
      });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'award.granted',
      summary: `${input.year} 年度${awardKindNames[input.kind]}：${subject}`,
      actor,
      subjectType: input.proposalId ? 'proposal' : 'unit',
      subjectId: input.proposalId ?? input.unitId,
      after: { awardId: row.id, year: row.year, kind: row.kind },
      context,
    });
    const { items } = await listAwards(tx, actor.orgId, {
      proposalId: input.proposalId,
      unitId: input.unitId,
      year: input.year,
      kind: input.kind,
    });
    return items[0];
  });
}
