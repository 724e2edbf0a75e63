/**
 * The proposals' workbench cards (decision 0017). A member: 待我联名, 待评价, 我的草稿, 我的提案 by state. The office:
 * 待审查, 待交办. One SQL statement per actor; the lists the cards open filter the same rows.
 */
import { sql } from 'drizzle-orm';
import { type ProposalState, proposalStates } from '../../../contracts/proposals.ts';
import type { WorkbenchItem } from '../../../contracts/workbench.ts';
import { countOf, type WorkbenchProvider, workbenchCard } from '../workbench/workbench.provider.ts';
import { daysBetween } from '../workbench/workbench.tones.ts';
import { proposalWorkflow } from './proposals.workflow.ts';

const PROVIDER = 'proposals';
/** Records shown under a card (the most urgent first). */
const ITEMS = 5;

type MemberRow = {
  co_signing: number | string;
  co_signing_items: { id: string; title: string; deadline: string | null }[] | null;
  by_state: { state: string; count: number }[] | null;
  to_rate: number | string;
  to_rate_items: { id: string; title: string; due: string | null }[] | null;
};

/**
 * The proposals a member rates now: those they lead or co-signed (accepted), and those their own proposals were
 * merged into (the same proposers as `loadRaters`), in state replied, with a current reply (the replying unit's
 * latest, sent, not reopened) the member has not rated yet.
 */
function toRateSql(orgId: string, memberId: string) {
  return sql`
    with mine as (
      select p.id from proposals p where p.org_id = ${orgId} and p.lead_member_id = ${memberId} and p.state = 'replied'
      union
      select c.proposal_id from proposal_co_signers c
        where c.org_id = ${orgId} and c.member_id = ${memberId} and c.state = 'accepted'
      union
      select s.merged_into_id from proposals s
        where s.org_id = ${orgId} and s.lead_member_id = ${memberId} and s.merged_into_id is not null
      union
      select s.merged_into_id from proposal_co_signers c
        join proposals s on s.org_id = c.org_id and s.id = c.proposal_id
        where c.org_id = ${orgId} and c.member_id = ${memberId} and c.state = 'accepted' and s.merged_into_id is not null
    )
    select p.id, p.title, p.rating_due_on::text as due
    from proposals p join mine on mine.id = p.id
    where p.org_id = ${orgId} and p.state = 'replied'
      and exists (
        select 1 from item_replies r
        join item_assignments a on a.org_id = r.org_id and a.id = r.assignment_id
        where r.org_id = p.org_id and r.item_id = p.id and r.kind = 'reply' and r.state = 'sent' and r.reopened_at is null
          and a.state <> 'reassigned' and a.role in ('sole', 'parallel', 'lead')
          and not exists (select 1 from item_replies n where n.org_id = r.org_id and n.assignment_id = r.assignment_id
            and n.kind = 'reply' and n.round > r.round)
          and not exists (select 1 from reply_ratings g where g.org_id = r.org_id and g.reply_id = r.id
            and g.member_id = ${memberId}))`;
}

/** A member's cards: invitations to answer, replies to rate, drafts, and their proposals by state. */
export const memberProposalsWorkbench: WorkbenchProvider = {
  id: PROVIDER,
  roles: ['member'],
  async count(executor, actor, context) {
    const memberId = actor.memberId;
    if (!memberId) return [];
    const { orgId, userId } = actor;
    const { rows } = await executor.execute<MemberRow>(sql`
      with invited as (
        select p.id, p.title, p.co_signing_deadline::text as deadline
        from proposal_co_signers c join proposals p on p.org_id = c.org_id and p.id = c.proposal_id
        where c.org_id = ${orgId} and c.member_id = ${memberId} and c.state = 'invited' and p.state = 'co_signing'
      ), rating as (${toRateSql(orgId, memberId)})
      select
        (select count(*) from invited) as co_signing,
        (select json_agg(x) from (select * from invited order by deadline nulls last, id limit ${ITEMS}) x) as co_signing_items,
        (select json_agg(json_build_object('state', s.state, 'count', s.n)) from (
          select p.state, count(*) as n from proposals p
          where p.org_id = ${orgId} and (p.created_by = ${userId} or p.lead_member_id = ${memberId})
          group by p.state) s) as by_state,
        (select count(*) from rating) as to_rate,
        (select json_agg(x) from (select * from rating order by due nulls last, id limit ${ITEMS}) x) as to_rate_items`);
    const row = rows[0];
    const byState = new Map((row.by_state ?? []).map((entry) => [entry.state, countOf(entry.count)]));
    const invited = row.co_signing_items ?? [];
    const toRate = row.to_rate_items ?? [];
    const toRateCount = countOf(row.to_rate);
    const nearestDeadline = invited[0]?.deadline ?? null;
    const mineTotal = [...byState.values()].reduce((sum, count) => sum + count, 0);
    return [
      workbenchCard(PROVIDER, {
        key: 'co_signing',
        label: '待我联名',
        count: countOf(row.co_signing),
        link: '/proposals?tab=awaiting',
        tone: nearestDeadline !== null && daysBetween(context.today, nearestDeadline) <= 1 ? 'warning' : 'normal',
        hint: nearestDeadline ? `最近截止 ${nearestDeadline}` : null,
        items: invited.map(
          (item): WorkbenchItem => ({
            id: item.id,
            title: item.title,
            link: `/proposals/${item.id}#proposal-co-signers`,
            note: item.deadline ? `${item.deadline} 截止` : null,
            tone: item.deadline !== null && daysBetween(context.today, item.deadline) <= 1 ? 'warning' : 'normal',
          }),
        ),
      }),
      workbenchCard(PROVIDER, {
        key: 'to_rate',
        label: '待评价',
        count: toRateCount,
        // One reply to rate: straight to its rating form; several: the member's replied proposals.
        link: toRateCount === 1 && toRate[0] ? `/proposals/${toRate[0].id}#replies` : '/proposals?tab=mine&state=replied',
        tone: toRateCount > 0 ? 'warning' : 'normal',
        hint: toRate[0]?.due ? `请于 ${toRate[0].due} 前评价` : null,
        items: toRate.map((item) => ({
          id: item.id,
          title: item.title,
          link: `/proposals/${item.id}#replies`,
          note: item.due ? `${item.due} 前评价` : '请评价',
          tone: 'warning',
        })),
      }),
      workbenchCard(PROVIDER, {
        key: 'drafts',
        label: '我的草稿',
        count: byState.get('draft') ?? 0,
        link: '/proposals?tab=mine&state=draft',
        hint: (byState.get('returned') ?? 0) > 0 ? `另有 ${byState.get('returned')} 件退回修改` : null,
      }),
      workbenchCard(PROVIDER, {
        key: 'mine',
        label: '我的提案',
        count: mineTotal,
        link: '/proposals?tab=mine',
        display: 'parts',
        parts: proposalStates
          .filter((state) => (byState.get(state) ?? 0) > 0)
          .map((state: ProposalState) => ({
            key: state,
            label: proposalWorkflow.states[state],
            count: byState.get(state) ?? 0,
            link: `/proposals?tab=mine&state=${state}`,
          })),
      }),
    ];
  },
};

type OfficeRow = { submitted: number | string; filed: number | string; oldest: string | null };

/** The office's intake cards: proposals waiting for review (待审查) and filed ones waiting to be assigned (待交办). */
export const officeProposalsWorkbench: WorkbenchProvider = {
  id: PROVIDER,
  roles: ['proposal_office'],
  shared: true,
  async count(executor, actor, context) {
    const { rows } = await executor.execute<OfficeRow>(sql`
      select count(*) filter (where state = 'submitted') as submitted,
        count(*) filter (where state = 'filed') as filed,
        (min(submitted_at) filter (where state = 'submitted') at time zone ${context.timeZone})::date::text as oldest
      from proposals where org_id = ${actor.orgId} and state in ('submitted', 'filed')`);
    const row = rows[0];
    const waited = row.oldest ? daysBetween(row.oldest, context.today) : null;
    return [
      workbenchCard(PROVIDER, {
        key: 'review',
        label: '待审查',
        count: countOf(row.submitted),
        link: '/office/review',
        hint: waited !== null && waited > 0 ? `最早一件已等 ${waited} 天` : null,
      }),
      workbenchCard(PROVIDER, { key: 'assign', label: '待交办', count: countOf(row.filed), link: '/office/assignment' }),
    ];
  },
};
