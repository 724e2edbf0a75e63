import type { TermCreate } from '../../../../contracts/orgs.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageTermsAndSessions } from '../orgs.policy.ts';
import type { TermRow } from '../orgs.queries.ts';
import { terms } from '../orgs.tables.ts';

/** Creates a term (届) of the actor's committee; a term number already used is a 409. */
export async function createTerm(
  deps: AppDependencies,
  actor: Actor,
  input: TermCreate,
  context: RequestContext,
): Promise<TermRow> {
  if (!canManageTermsAndSessions(actor)) throw forbidden('只有系统管理员或提案委可以管理届次');
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const [row] = await tx
        .insert(terms)
        .values({
          orgId: actor.orgId,
          number: input.number,
          name: input.name,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
        })
        .returning();
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'term.created',
        summary: `新建届次“${row.name}”`,
        actor,
        subjectType: 'term',
        subjectId: row.id,
        after: { number: row.number, name: row.name, startsOn: row.startsOn, endsOn: row.endsOn },
        context,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`第 ${input.number} 届已存在`, 'duplicate_term_number');
    throw error;
  }
}
