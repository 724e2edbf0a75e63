/**
 * The key proposals' workbench cards (decision 0017) of the current session, for leaders (党政领导) and supervisors
 * (督办领导): the key proposals and where each stands, and what waits for them — a supervisor's key proposals with
 * no supervision activity recorded yet (待记录督办), and for leaders those with no instruction yet (待批示).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { WorkbenchItem } from '../../../contracts/workbench.ts';
import { hasAnyRole } from '../../platform/auth/actor.ts';
import { proposalWorkflow } from '../proposals/proposals.workflow.ts';
import { countOf, type WorkbenchProvider, workbenchCard } from '../workbench/workbench.provider.ts';

const PROVIDER = 'key_proposals';
const ITEMS = 5;

type ItemRow = {
  proposal_id: string;
  title: string;
  number: string | null;
  state: string;
  activities: number;
  instructions: number;
};
type Row = {
  total: number | string;
  closed: number | string;
  awaiting_supervision: number | string;
  awaiting_instruction: number | string;
  followed: ItemRow[] | null;
  supervision_items: ItemRow[] | null;
  instruction_items: ItemRow[] | null;
};

/** A key proposal as an item: its number and title, its state and how often it was supervised and instructed. */
function itemOf(row: ItemRow, tone: WorkbenchItem['tone'] = 'normal'): WorkbenchItem {
  const state = proposalWorkflow.states[row.state as keyof typeof proposalWorkflow.states] ?? row.state;
  const activities = countOf(row.activities);
  const instructions = countOf(row.instructions);
  return {
    id: row.proposal_id,
    title: row.number ? `第${row.number}号 ${row.title}` : row.title,
    link: `/proposals/${row.proposal_id}`,
    note: `${state} · ${activities > 0 ? `督办 ${activities} 次` : '尚未督办'}${instructions > 0 ? ` · 批示 ${instructions} 条` : ''}`,
    tone,
  };
}

/** The first items of the key proposals matching `where`, in number order, with their activities and instructions. */
function itemsSql(where: SQL): SQL {
  return sql`(select json_agg(x) from (
    select keys.proposal_id, keys.title, keys.number, keys.state,
      (select count(*) from supervision_activities s where s.org_id = keys.org_id and s.key_proposal_id = keys.id) as activities,
      (select count(*) from leader_instructions i where i.org_id = keys.org_id and i.proposal_id = keys.proposal_id)
        as instructions
    from keys where ${where} order by keys.sequence nulls last, keys.id limit ${ITEMS}) x)`;
}

/** The key proposals of the current session with their progress and what waits for this leader or supervisor. */
export const keyProposalsWorkbench: WorkbenchProvider = {
  id: PROVIDER,
  roles: ['leader', 'supervisor'],
  async count(executor, actor, context) {
    const session = context.currentSession;
    if (!session) return [];
    const leader = hasAnyRole(actor, 'leader');
    // A leader follows every key proposal of the session; a supervisor those they supervise.
    const scope = leader ? sql`` : sql`and ${actor.userId}::uuid = any(k.supervisor_ids)`;
    const { rows } = await executor.execute<Row>(sql`
      with keys as (
        select k.org_id, k.id, k.proposal_id, p.title, p.number, p.state, p.sequence,
          ${actor.userId}::uuid = any(k.supervisor_ids) as mine,
          exists (select 1 from supervision_activities s where s.org_id = k.org_id and s.key_proposal_id = k.id) as supervised,
          exists (select 1 from leader_instructions i where i.org_id = k.org_id and i.proposal_id = k.proposal_id) as instructed
        from key_proposals k join proposals p on p.org_id = k.org_id and p.id = k.proposal_id
        where k.org_id = ${actor.orgId} and k.session_id = ${session.id} and k.state = 'approved' ${scope}),
      counted as (
        select count(*) as total, count(*) filter (where state = 'closed') as closed,
          count(*) filter (where mine and not supervised) as awaiting_supervision,
          count(*) filter (where not instructed) as awaiting_instruction
        from keys)
      select counted.*,
        ${itemsSql(sql`true`)} as followed,
        ${itemsSql(sql`keys.mine and not keys.supervised`)} as supervision_items,
        ${itemsSql(sql`not keys.instructed`)} as instruction_items
      from counted`);
    const row = rows[0];
    const cards = [
      workbenchCard(PROVIDER, {
        key: 'followed',
        label: leader ? '重点提案' : '我督办的重点提案',
        count: countOf(row.total),
        link: '/office/key-proposals',
        hint: `${session.name}，已办结 ${countOf(row.closed)} 件`,
        items: (row.followed ?? []).map((item) => itemOf(item)),
      }),
    ];
    if (hasAnyRole(actor, 'supervisor')) {
      const waiting = countOf(row.awaiting_supervision);
      cards.push(
        workbenchCard(PROVIDER, {
          key: 'awaiting_supervision',
          label: '待记录督办',
          count: waiting,
          link: '/office/key-proposals',
          tone: waiting > 0 ? 'warning' : 'normal',
          hint: '您督办、尚无督办活动记录的重点提案',
          items: (row.supervision_items ?? []).map((item) => itemOf(item, 'warning')),
        }),
      );
    }
    if (leader) {
      cards.push(
        workbenchCard(PROVIDER, {
          key: 'awaiting_instruction',
          label: '待批示',
          count: countOf(row.awaiting_instruction),
          link: '/office/key-proposals',
          hint: '尚无领导批示的重点提案',
          items: (row.instruction_items ?? []).map((item) => itemOf(item)),
        }),
      );
    }
    return cards;
  },
};
