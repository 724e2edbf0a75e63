import { sql } from 'drizzle-orm';
import type { HandlingPhase } from '../../../contracts/handling.ts';
import type { ProposalState } from '../../../contracts/proposals.ts';
import type { Executor, Transaction } from '../../platform/db/database.ts';
import { writeHandledItem } from '../handling/handled-items.ts';
import type { ProposalRow } from './proposals.queries.ts';

/** What a proposal's state means to the handling engine (the same table the migration 0006 used to fill it). */
export const proposalPhases: Partial<Record<ProposalState, HandlingPhase>> = {
  assigned: 'handling',
  rehandling: 'handling',
  replied: 'replied',
  closed: 'closed',
  archived: 'archived',
};

/** The phase of a proposal in a state; every state before assignment is waiting. */
export function proposalPhase(state: string): HandlingPhase {
  return proposalPhases[state as ProposalState] ?? 'waiting';
}

/** Writes the proposal's handled item (when it is assigned, and on every later move), in the caller's transaction. */
export async function syncProposalHandledItem(
  tx: Transaction,
  proposal: Pick<ProposalRow, 'orgId' | 'id' | 'sessionId' | 'number' | 'title' | 'state'>,
): Promise<void> {
  await writeHandledItem(tx, {
    orgId: proposal.orgId,
    id: proposal.id,
    kind: 'proposal',
    sessionId: proposal.sessionId,
    number: proposal.number,
    title: proposal.title,
    state: proposal.state,
    phase: proposalPhase(proposal.state),
  });
}

/**
 * Writes the handled items of proposals by id from their rows (for data written without the actions: the bench
 * generator, test fixtures), with the same phases.
 */
export async function syncProposalHandledItemsById(executor: Executor, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const phase = sql.join(
    Object.entries(proposalPhases).map(([state, value]) => sql`when ${state} then ${value}`),
    sql` `,
  );
  await executor.execute(sql`
    insert into handled_items (org_id, id, kind, session_id, number, title, state, phase)
    select p.org_id, p.id, 'proposal', p.session_id, p.number, p.title, p.state, case p.state ${phase} else 'waiting' end
    from proposals p where p.org_id = ${orgId} and p.id in (${sql.join(
      [...new Set(ids)].map((id) => sql`${id}`),
      sql`, `,
    )})
    on conflict (org_id, id) do update set state = excluded.state, phase = excluded.phase, title = excluded.title,
      number = excluded.number, session_id = excluded.session_id, updated_at = now()`);
}
