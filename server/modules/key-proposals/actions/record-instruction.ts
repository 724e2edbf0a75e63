import type { z } from 'zod';
import type { instructionCreateSchema, instructionSchema } from '../../../../contracts/key-proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { filedAndLaterStates } from '../../proposals/proposals.policy.ts';
import { loadVisibleProposal } from '../../proposals/proposals.queries.ts';
import { presentInstruction } from '../instructions.queries.ts';
import { canRecordInstruction } from '../key-proposals.policy.ts';
import { leaderInstructions } from '../key-proposals.tables.ts';

/** POST /proposals/{id}/instructions (领导批示): the office or a leader records a leader's instruction on a proposal. */
export async function recordInstruction(
  deps: AppDependencies,
  actor: Actor,
  proposalId: string,
  input: z.output<typeof instructionCreateSchema>,
  context: RequestContext,
): Promise<z.output<typeof instructionSchema>> {
  if (!canRecordInstruction(actor)) throw forbidden('只有提案委或党政领导可以记录领导批示');
  return deps.database.orm.transaction(async (tx) => {
    const { proposal } = await loadVisibleProposal(tx, actor, proposalId, true);
    if (!filedAndLaterStates.includes(proposal.state) || proposal.state === 'archived') {
      throw conflict('只有已立案、未归档的提案可以记录领导批示', 'not_filed');
    }
    const [row] = await tx
      .insert(leaderInstructions)
      .values({
        orgId: actor.orgId,
        proposalId,
        leaderName: input.leaderName,
        instructedOn: input.instructedOn,
        text: input.text,
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
      })
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.instruction_recorded',
      summary: `记录${input.leaderName}的批示：提案“${proposal.title}”`,
      actor,
      subjectType: 'proposal',
      subjectId: proposalId,
      after: { instructionId: row.id, leaderName: row.leaderName, instructedOn: row.instructedOn },
      context,
    });
    return presentInstruction(row);
  });
}
