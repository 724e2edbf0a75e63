import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { instructionSchema } from '../../../contracts/key-proposals.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { loadVisibleProposal } from '../proposals/proposals.queries.ts';
import { leaderInstructions } from './key-proposals.tables.ts';

type InstructionRow = typeof leaderInstructions.$inferSelect;

/** The view of an instruction. */
export function presentInstruction(row: InstructionRow): z.output<typeof instructionSchema> {
  return {
    id: row.id,
    proposalId: row.proposalId,
    leaderName: row.leaderName,
    instructedOn: row.instructedOn,
    text: row.text,
    recordedByName: row.recordedByName,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** GET /proposals/{id}/instructions: the instructions on a proposal the actor may read. */
export async function listInstructions(deps: AppDependencies, actor: Actor, proposalId: string) {
  const orm = deps.database.orm;
  await loadVisibleProposal(orm, actor, proposalId);
  const rows = await orm
    .select()
    .from(leaderInstructions)
    .where(and(eq(leaderInstructions.orgId, actor.orgId), eq(leaderInstructions.proposalId, proposalId)))
    .orderBy(asc(leaderInstructions.instructedOn), asc(leaderInstructions.id));
  return { items: rows.map(presentInstruction) };
}
