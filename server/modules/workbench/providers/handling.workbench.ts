/**
 * The handling engine's workbench cards (decision 0017), over every kind of handled item (proposals,
 * micro-suggestions…: `item_assignments` joined to `handled_items`, decision 0016). Kept here rather than in
 * server/modules/handling while that folder is being reworked; the rules are the engine's and the board's:
 * - the office: 调整申请, 延期申请, 逾期 and 临期 (the board's red and yellow lights over every session), and
 *   后续报告到期 (class-B replies whose promised follow-up report is due within two weeks and not yet sent);
 * - a unit's handler: 待签收, 办理中 (with the nearest days left), 待送签 (drafts, returned ones first), 逾期, 临期;
 * - a unit's leader: 待签发, 逾期, 临期.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type HandledKind, handledKindNames } from '../../../../contracts/handled-kinds.ts';
import type { WorkbenchItem } from '../../../../contracts/workbench.ts';
import { hasAnyRole } from '../../../platform/auth/actor.ts';
import { countOf, type WorkbenchContext, type WorkbenchProvider, workbenchCard } from '../workbench.provider.ts';
import { type DeadlineLight, daysLeftNote, lightTone, urgencyTone, waitingTone } from '../workbench.tones.ts';

const PROVIDER = 'handling';
const ITEMS = 5;
/** A promised follow-up report shows on the office's card from this many days before its date. */
export const FOLLOW_UP_NOTICE_DAYS = 14;

/**
 * The board's light of an unreplied assignment, in SQL (the same rule as supervision.board.ts and lightOf): red
 * past its due date, yellow once the committee's share of the time is used, else green. Needs `due_on` and
 * `assigned_day` (the assignment's date in the committee's time zone) in scope.
 */
function lightSql(context: WorkbenchContext): SQL {
  const yellowAt = context.settings.proposals.yellowAtPercent;
  return sql`case
    when due_on < ${context.today}::date then 'red'
    when (${context.today}::date - assigned_day) * 100 >= ${yellowAt} * greatest(1, due_on - assigned_day) then 'yellow'
    else 'green' end`;
}

/** The live, unreplied assignments of items the engine still handles (the board's rows that are not done). */
function openAssignmentsSql(context: WorkbenchContext, unitId: string | null): SQL {
  const unit = unitId ? sql`and a.unit_id = ${unitId}` : sql``;
  return sql`
    select a.id, a.item_id, a.state, a.due_on, (a.assigned_at at time zone ${context.timeZone})::date as assigned_day,
      h.kind, h.title, h.number
    from item_assignments a join handled_items h on h.org_id = a.org_id and h.id = a.item_id
    where a.org_id = ${context.orgId} ${unit} and a.state <> 'reassigned' and a.replied_at is null
      and h.phase in ('handling', 'replied', 'closed')`;
}

type ItemRow = { id: string; title: string; kind: string; number: string | null; due_on: string; light: DeadlineLight };

/** An item's title as a list shows it: its number first when it has one (a proposal's as 第0001号). */
function titleOf(row: { kind: string; title: string; number: string | null }): string {
  if (!row.number) return row.title;
  return row.kind === 'proposal' ? `第${row.number}号 ${row.title}` : `${row.number} ${row.title}`;
}

/** 微建议 · 还剩 3 天: the kind (when not a proposal) and the days left. */
function kindNote(kind: string, note: string): string {
  return kind === 'proposal' ? note : `${handledKindNames[kind as HandledKind] ?? kind} · ${note}`;
}

/** Assignments as items linking to their handling page, with their days left and light. */
function assignmentItems(rows: ItemRow[] | null, today: string): WorkbenchItem[] {
  return (rows ?? []).map((row) => ({
    id: row.id,
    title: titleOf(row),
    link: `/handling/${row.id}`,
    note: kindNote(row.kind, daysLeftNote(row.due_on, today)),
    tone: lightTone(row.light),
  }));
}

type OfficeRow = {
  adjustments: number | string;
  extensions: number | string;
  overdue: number | string;
  near: number | string;
  follow_ups: number | string;
  follow_ups_late: number | string;
  follow_up_items:
    | { id: string; item_id: string; kind: string; title: string; number: string | null; unit_name: string; due: string }[]
    | null;
};

/** The office's handling cards, in one statement. */
export const officeHandlingWorkbench: WorkbenchProvider = {
  id: PROVIDER,
  roles: ['proposal_office'],
  shared: true,
  async count(executor, actor, context) {
    const { orgId } = actor;
    const { rows } = await executor.execute<OfficeRow>(sql`
      with open as (${openAssignmentsSql(context, null)}),
      lit as (select ${lightSql(context)} as light from open),
      follow as (
        select r.id, r.item_id, h.kind, h.title, h.number, u.name as unit_name, r.follow_up_due_on::text as due
        from item_replies r
        join handled_items h on h.org_id = r.org_id and h.id = r.item_id
        join units u on u.org_id = r.org_id and u.id = r.unit_id
        where r.org_id = ${orgId} and r.kind = 'reply' and r.state = 'sent' and r.follow_up_due_on is not null
          and r.follow_up_due_on <= ${context.today}::date + ${FOLLOW_UP_NOTICE_DAYS}::int and h.phase <> 'archived'
          and not exists (select 1 from item_replies f where f.org_id = r.org_id and f.assignment_id = r.assignment_id
            and f.kind = 'follow_up' and f.state = 'sent' and f.sent_at >= r.sent_at))
      select
        (select count(*) from item_assignments where org_id = ${orgId} and state = 'adjustment_requested') as adjustments,
        (select count(*) from extension_requests where org_id = ${orgId} and state = 'requested') as extensions,
        (select count(*) from lit where light = 'red') as overdue,
        (select count(*) from lit where light = 'yellow') as near,
        (select count(*) from follow) as follow_ups,
        (select count(*) from follow where due < ${context.today}) as follow_ups_late,
        (select json_agg(x) from (select * from follow order by due, id limit ${ITEMS}) x) as follow_up_items`);
    const row = rows[0];
    const overdue = countOf(row.overdue);
    const near = countOf(row.near);
    const followUps = countOf(row.follow_ups);
    const followUpsLate = countOf(row.follow_ups_late);
    return [
      workbenchCard(PROVIDER, {
        key: 'adjustments',
        label: '调整申请',
        count: countOf(row.adjustments),
        link: '/office/adjustments',
        tone: waitingTone(countOf(row.adjustments)),
      }),
      workbenchCard(PROVIDER, {
        key: 'extensions',
        label: '延期申请',
        count: countOf(row.extensions),
        link: '/office/extensions',
        tone: waitingTone(countOf(row.extensions)),
      }),
      workbenchCard(PROVIDER, {
        key: 'overdue',
        label: '逾期',
        count: overdue,
        link: '/supervision?light=red&sessionId=all',
        tone: urgencyTone({ overdue, near: 0 }),
        hint: '已过答复期限仍未答复的交办件',
      }),
      workbenchCard(PROVIDER, {
        key: 'near',
        label: '临期',
        count: near,
        link: '/supervision?light=yellow&sessionId=all',
        tone: urgencyTone({ overdue: 0, near }),
        hint: `办理时间已用去 ${context.settings.proposals.yellowAtPercent}% 以上`,
      }),
      workbenchCard(PROVIDER, {
        key: 'follow_ups',
        label: '后续报告到期',
        count: followUps,
        // No list page filters promised follow-up reports yet: the card lists them (decision 0017).
        link: null,
        display: followUps > 0 ? 'items' : 'count',
        tone: urgencyTone({ overdue: followUpsLate, near: followUps - followUpsLate }),
        hint:
          followUpsLate > 0 ? `其中 ${followUpsLate} 件已过承诺日期` : `B 类答复承诺的报告，${FOLLOW_UP_NOTICE_DAYS} 天内到期`,
        items: (row.follow_up_items ?? []).map((item) => ({
          id: item.id,
          title: titleOf(item),
          link: item.kind === 'proposal' ? `/proposals/${item.item_id}#replies` : `/micro-suggestions/${item.item_id}`,
          note: `${item.unit_name} · ${daysLeftNote(item.due, context.today)}`,
          tone: item.due < context.today ? 'danger' : 'warning',
        })),
      }),
    ];
  },
};

type UnitRow = {
  pending: number | string;
  handling: number | string;
  overdue: number | string;
  near: number | string;
  nearest: ItemRow[] | null;
  urgent: ItemRow[] | null;
  drafts: number | string;
  returned: number | string;
  draft_items: { assignment_id: string; kind: string; title: string; number: string | null; returned: boolean }[] | null;
  signoff: number | string;
  signoff_items: { assignment_id: string; kind: string; title: string; number: string | null; reply_kind: string }[] | null;
};

/** A unit's handling cards (its handler's and its leader's), in one statement. */
export const unitHandlingWorkbench: WorkbenchProvider = {
  id: PROVIDER,
  roles: ['unit_handler', 'unit_leader'],
  async count(executor, actor, context) {
    const unitId = actor.unitId;
    if (!unitId) return [];
    const { orgId } = actor;
    const { rows } = await executor.execute<UnitRow>(sql`
      with open as (${openAssignmentsSql(context, unitId)}),
      lit as (select open.*, ${lightSql(context)} as light from open),
      replies as (
        -- Through each assignment's replies (its index), not a scan of every reply of the committee.
        select r.assignment_id, r.state, r.reply_kind, r.returned, r.id, h.kind, h.title, h.number
        from item_assignments a
        cross join lateral (
          select r.assignment_id, r.state, r.kind as reply_kind, r.return_reason is not null as returned, r.id, r.item_id
          from item_replies r
          where r.org_id = a.org_id and r.assignment_id = a.id and r.state in ('draft', 'pending_signoff')
          offset 0) r
        join handled_items h on h.org_id = a.org_id and h.id = r.item_id
        where a.org_id = ${orgId} and a.unit_id = ${unitId} and a.state <> 'reassigned' and h.phase <> 'archived')
      select
        (select count(*) from item_assignments where org_id = ${orgId} and unit_id = ${unitId} and state = 'pending') as pending,
        (select count(*) from lit where state = 'signed_for') as handling,
        (select count(*) from lit where light = 'red') as overdue,
        (select count(*) from lit where light = 'yellow') as near,
        (select json_agg(x) from (select id, title, kind, number, due_on::text as due_on, light from lit
          where state = 'signed_for' order by due_on, id limit ${ITEMS}) x) as nearest,
        (select json_agg(x) from (select id, title, kind, number, due_on::text as due_on, light from lit
          where light in ('red', 'yellow') order by due_on, id limit ${ITEMS}) x) as urgent,
        (select count(*) from replies where state = 'draft') as drafts,
        (select count(*) from replies where state = 'draft' and returned) as returned,
        (select json_agg(x) from (select assignment_id, kind, title, number, returned from replies
          where state = 'draft' order by returned desc, id limit ${ITEMS}) x) as draft_items,
        (select count(*) from replies where state = 'pending_signoff') as signoff,
        (select json_agg(x) from (select assignment_id, kind, title, number, reply_kind from replies
          where state = 'pending_signoff' order by id limit ${ITEMS}) x) as signoff_items`);
    const row = rows[0];
    const overdue = countOf(row.overdue);
    const near = countOf(row.near);
    const nearest = assignmentItems(row.nearest, context.today);
    const returned = countOf(row.returned);
    const cards = [];
    const handler = hasAnyRole(actor, 'unit_handler');
    if (handler) {
      cards.push(
        workbenchCard(PROVIDER, {
          key: 'unit_pending',
          label: '待签收',
          count: countOf(row.pending),
          link: '/unit/inbox?tab=pending',
          tone: waitingTone(countOf(row.pending)),
        }),
        workbenchCard(PROVIDER, {
          key: 'unit_handling',
          label: '办理中',
          count: countOf(row.handling),
          link: '/handling',
          tone: nearest[0]?.tone ?? 'normal',
          hint: row.nearest?.[0] ? `最近一件${daysLeftNote(row.nearest[0].due_on, context.today)}` : null,
          items: nearest,
        }),
        workbenchCard(PROVIDER, {
          key: 'unit_drafts',
          label: '待送签',
          count: countOf(row.drafts),
          link: '/handling',
          tone: returned > 0 ? 'warning' : 'normal',
          hint: returned > 0 ? `其中 ${returned} 件被退回修改` : '已起草、尚未送领导签发的答复',
          items: (row.draft_items ?? []).map((item) => ({
            id: item.assignment_id,
            title: titleOf(item),
            link: `/handling/${item.assignment_id}`,
            note: kindNote(item.kind, item.returned ? '退回修改' : '草稿'),
            tone: item.returned ? 'warning' : 'normal',
          })),
        }),
      );
    }
    if (hasAnyRole(actor, 'unit_leader')) {
      cards.push(
        workbenchCard(PROVIDER, {
          key: 'unit_signoff',
          label: '待签发',
          count: countOf(row.signoff),
          link: '/handling',
          tone: waitingTone(countOf(row.signoff)),
          hint: '经办人送来的答复，签发或退回修改',
          items: (row.signoff_items ?? []).map((item) => ({
            id: item.assignment_id,
            title: titleOf(item),
            link: `/handling/${item.assignment_id}`,
            note: kindNote(item.kind, item.reply_kind === 'follow_up' ? '后续办理情况报告' : '答复'),
            tone: 'warning',
          })),
        }),
      );
    }
    const urgent = assignmentItems(row.urgent, context.today);
    cards.push(
      workbenchCard(PROVIDER, {
        key: 'unit_overdue',
        label: '逾期',
        count: overdue,
        link: '/handling',
        tone: urgencyTone({ overdue, near: 0 }),
        items: urgent.filter((item) => item.tone === 'danger'),
      }),
      workbenchCard(PROVIDER, {
        key: 'unit_near',
        label: '临期',
        count: near,
        link: '/handling',
        tone: urgencyTone({ overdue: 0, near }),
        items: urgent.filter((item) => item.tone === 'warning'),
      }),
    );
    return cards;
  },
};
