/**
 * Adds 提案办理 and 督办 to the committee generate-proposals.ts filled (the newest `bench-*` committee, or
 * `--org <code>`), so that the supervision board and the statistics do real work: old pending assignments signed
 * for, approved extensions, co-handlers' opinions, contacts with the proposers, replies (sent ones with their result
 * class and the due date at sending, some late; drafts in the workflow), proposals replied and closed, ratings,
 * dissatisfied ratings reopening handling with a second-round reply, and reminders (scheduled due-soon / overdue,
 * manual ones on the overdue). Every step is one `INSERT … SELECT` or `UPDATE` in SQL on the server; the random
 * draws are hashes of the row ids and `--seed`, so a run on the same proposals gives the same rows. "Today" is the
 * real date in Asia/Shanghai, as the board and the statistics compute it. No events are written. The tables end
 * with VACUUM ANALYZE (as autovacuum would leave them: the statistics read the proposals by an index-only scan,
 * which needs the visibility map).
 *
 * Run: npx tsx bench/generate-handling.ts [--org code] [--seed 1]
 *   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench). Refuses a committee that already has replies.
 */
import type pg from 'pg';
import { DEFAULT_BENCH_URL, openBenchDatabase, parseArguments } from './bench-database.ts';

const { flags } = parseArguments(process.argv.slice(2));
const seed = String(flags.get('seed') ?? 1);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
const TIME_ZONE = 'Asia/Shanghai';

const database = await openBenchDatabase({ databaseUrl, poolSize: 1 });
const client: pg.PoolClient = await database.pool.connect();
const query = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await client.query(text, values)).rows as T[];

const orgCode = flags.get('org');
const [organization] = await query<{ id: string; code: string }>(
  typeof orgCode === 'string'
    ? 'select id, code from organizations where code = $1'
    : "select id, code from organizations where code like 'bench-%' order by created_at desc limit 1",
  typeof orgCode === 'string' ? [orgCode] : [],
);
if (!organization) throw new Error('没有找到压测政协：请先运行 bench/generate-proposals.ts');
const orgId = organization.id;
const [{ replies: existing }] = await query<{ replies: number }>(
  'select count(*)::int as replies from item_replies where org_id = $1',
  [orgId],
);
if (existing > 0) throw new Error(`压测政协 ${organization.code} 已有 ${existing} 份答复：请重新生成提案后再运行`);
const [office] = await query<{ id: string; name: string }>(
  `select u.id, u.display_name as name from users u join user_roles r on r.org_id = u.org_id and r.user_id = u.id
   where u.org_id = $1 and r.role = 'proposal_office' order by u.username limit 1`,
  [orgId],
);
if (!office) throw new Error('压测政协没有提案委工作人员账号');

// ───────────────────────────── helpers in SQL (this connection only) ─────────────────────────────

/** u(key): a uniform number in [0, 1) from the hash of the key and the seed. */
await query(`create function pg_temp.u(key text) returns float8 language sql immutable as $$
  select ('x' || substr(md5('${seed.replace(/'/g, '')}:' || key), 1, 13))::bit(52)::bigint / 4503599627370496.0
$$`);
/** uuid7(at, key): a UUIDv7 of the instant (time-ordered, as the app's ids), the rest from the key's hash. */
await query(`create function pg_temp.uuid7(at timestamptz, key text) returns uuid language sql immutable as $$
  select (substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-7' || substr(h, 1, 3) || '-' ||
          substr('89ab', get_byte(decode(substr(h, 4, 2), 'hex'), 0) % 4 + 1, 1) || substr(h, 6, 3) || '-' ||
          substr(h, 9, 12))::uuid
  from (select lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') as ms, md5(key) as h) parts
$$`);
/** The business date (committee time zone) of an instant. */
await query(`create function pg_temp.day(at timestamptz) returns date language sql immutable as $$
  select (at at time zone '${TIME_ZONE}')::date
$$`);
/** The instant of 09:00 (committee time zone) on a business date. */
await query(`create function pg_temp.morning(d date) returns timestamptz language sql immutable as $$
  select (d + time '09:00') at time zone '${TIME_ZONE}'
$$`);
const [{ today }] = await query<{ today: string }>(`select pg_temp.day(now())::text as today`);

const started = performance.now();
/**
 * Runs one statement of the generation and records its rows and time, then analyzes the table it wrote (inside the
 * transaction: the next steps' plans need the new rows' statistics, or they nest loops over thousands of rows).
 */
async function step(name: string, text: string): Promise<void> {
  const at = performance.now();
  const result = await client.query(text, [orgId]);
  const table = /^\s*(?:insert into|update)\s+(\w+)/i.exec(text)?.[1];
  if (table) await client.query(`analyze ${table}`);
  console.log(
    `  ${name.padEnd(48)} ${String(result.rowCount ?? 0).padStart(7)} rows ${((performance.now() - at) / 1000).toFixed(1).padStart(6)} s`,
  );
}

await query('begin');

// The unit users (one per unit) and the proposers' accounts, for who drafted, recorded and rated.
await query(
  `create temp table unit_user on commit drop as
  select u.unit_id, u.id as user_id, u.display_name as name, n.name as unit_name
  from users u join units n on n.org_id = u.org_id and n.id = u.unit_id where u.org_id = $1`,
  [orgId],
);
await query(`create unique index on unit_user (unit_id)`);

// 1. Assignments handed out over a month ago are signed for (a refused adjustment for the ones that asked).
await step(
  'old pending assignments signed for',
  `update item_assignments a set state = 'signed_for',
     signed_for_at = a.assigned_at + (1 + 4 * pg_temp.u(a.id || ':sign')) * interval '1 day',
     signed_for_by = uu.user_id,
     decision_reason = case when a.state = 'adjustment_requested' then '经研究，该提案仍由贵单位办理。' end,
     version = a.version + 1
   from unit_user uu
   where a.org_id = $1 and uu.unit_id = a.unit_id and a.state in ('pending', 'adjustment_requested')
     and a.assigned_at < now() - interval '30 days' and pg_temp.u(a.id || ':pending') < 0.95`,
);

// The live assignments of the assigned proposals, with their draws; every later step reads this.
await query(
  `create temp table h on commit drop as
   select a.id, a.item_id, a.unit_id, a.role, a.state, a.assigned_at, a.due_on, p.session_id,
     p.lead_member_id, p.author_type, s.is_current,
     pg_temp.day(a.assigned_at) as assigned_day,
     pg_temp.u(a.id || ':r') as u_reply, pg_temp.u(a.id || ':late') as u_late, pg_temp.u(a.id || ':t') as u_time,
     pg_temp.u(a.id || ':c') as u_contact, pg_temp.u(a.id || ':x') as u_ext, pg_temp.u(a.id || ':k') as u_class
   from item_assignments a
   join proposals p on p.org_id = a.org_id and p.id = a.item_id
   join sessions s on s.org_id = p.org_id and s.id = p.session_id
   where a.org_id = $1 and a.state <> 'reassigned' and p.state = 'assigned'`,
  [orgId],
);
await query('create unique index on h (id)');
await query('analyze h');

// 2. Approved extensions (延期) on 3% of the signed-for: one month more.
await step(
  'extension requests (approved)',
  `insert into extension_requests (org_id, id, assignment_id, item_id, unit_id, previous_due_on, requested_due_on,
     reason, state, requested_by, decided_by, decided_at, decision_reason, version, created_at, updated_at)
   select $1, pg_temp.uuid7(h.assigned_at + interval '20 days', h.id || ':ext'), h.id, h.item_id, h.unit_id,
     h.due_on, h.due_on + 30, '该提案涉及多个部门协调，需要更多时间办理，申请延期一个月。', 'approved', uu.user_id,
     '${office.id}', h.assigned_at + interval '23 days', '同意延期。', 2,
     h.assigned_at + interval '20 days', h.assigned_at + interval '23 days'
   from h join unit_user uu on uu.unit_id = h.unit_id
   where h.state = 'signed_for' and h.role <> 'co' and h.u_ext < 0.03 and h.assigned_at + interval '23 days' < now()`,
);
await query(`update h set due_on = due_on + 30 where state = 'signed_for' and role <> 'co' and u_ext < 0.03
  and assigned_at + interval '23 days' < now()`);
await query(
  `update item_assignments a set due_on = h.due_on from h
  where a.org_id = $1 and a.id = h.id and h.state = 'signed_for' and h.role <> 'co' and h.u_ext < 0.03
    and h.assigned_at + interval '23 days' < now()`,
  [orgId],
);

// When each signed-for assignment's reply (or a co-handler's opinion) went out, if it did: past the due date
// 93% (previous session) / 86% (current) did, 12% of them late; before it, in proportion to the time used.
await query(`alter table h add column sent_at timestamptz`);
await query(`update h set sent_at = least(now() - interval '1 hour',
    case
      when due_on < '${today}'::date and u_late < 0.12 then pg_temp.morning(due_on + 1 + floor(40 * u_time)::int)
      when due_on < '${today}'::date then assigned_at + (0.3 + 0.7 * u_time) * (due_on - assigned_day) * interval '1 day'
      else assigned_at + (0.2 + 0.8 * u_time) * ('${today}'::date - assigned_day) * interval '1 day'
    end)
  where state = 'signed_for' and case
    when due_on < '${today}'::date then u_reply < case when is_current then 0.86 else 0.93 end
    else u_reply < 0.6 * ('${today}'::date - assigned_day)::float8 / greatest(1, due_on - assigned_day)
  end`);
await query('analyze h');

// 3. Co-handlers' opinions (会办意见).
await step(
  "co-handlers' opinions",
  `insert into co_handler_opinions (org_id, id, assignment_id, item_id, unit_id, text, late, sent_by, sent_by_name, sent_at)
   select $1, pg_temp.uuid7(h.sent_at, h.id || ':opinion'), h.id, h.item_id, h.unit_id,
     '我单位同意主办单位的办理意见，将在职责范围内配合做好相关工作。', pg_temp.day(h.sent_at) > h.due_on,
     uu.user_id, uu.name, h.sent_at
   from h join unit_user uu on uu.unit_id = h.unit_id where h.role = 'co' and h.sent_at is not null`,
);

// 4. Round-1 replies: sent (with class and due date at sending) and, for 30% of the rest signed for, one in the
// reply workflow.
await step(
  'replies, round 1 sent',
  `insert into item_replies (org_id, id, item_id, assignment_id, unit_id, kind, round, state, text, result_class,
     contact_person, contact_phone, follow_up_due_on, drafted_by, drafted_by_name, signed_off_by, signed_off_by_name,
     signed_off_at, released_by, sent_at, due_on_at_send, version, created_at, updated_at)
   select $1, pg_temp.uuid7(h.sent_at - interval '3 days', h.id || ':reply1'), h.item_id, h.id, h.unit_id, 'reply', 1,
     'sent', '经认真研究，现将办理情况答复如下：' || uu.unit_name || '高度重视该提案，已会同有关部门研究落实。',
     cls, '张科长', '0571-8800' || lpad((floor(pg_temp.u(h.id || ':tel') * 10000))::int::text, 4, '0'),
     case when cls = 'B' then pg_temp.day(h.sent_at) + 180 end,
     uu.user_id, uu.name, uu.user_id, uu.unit_name || '分管领导', h.sent_at - interval '1 day', '${office.id}',
     h.sent_at, h.due_on, 4, h.sent_at - interval '3 days', h.sent_at
   from h join unit_user uu on uu.unit_id = h.unit_id,
     lateral (select case when h.u_class < 0.55 then 'A' when h.u_class < 0.9 then 'B' else 'C' end as cls) c
   where h.role <> 'co' and h.sent_at is not null`,
);
await step(
  'replies, round 1 in the workflow',
  `insert into item_replies (org_id, id, item_id, assignment_id, unit_id, kind, round, state, text, result_class,
     contact_person, contact_phone, drafted_by, drafted_by_name, version, created_at, updated_at)
   select $1, pg_temp.uuid7(now() - interval '2 days', h.id || ':draft'), h.item_id, h.id, h.unit_id, 'reply', 1,
     (array['draft', 'pending_signoff', 'office_review'])[1 + floor(3 * pg_temp.u(h.id || ':ds'))::int],
     '（答复稿）' || uu.unit_name || '正在研究办理该提案。', 'A', '王科员', '0571-88000000', uu.user_id, uu.name, 1,
     now() - interval '2 days', now() - interval '1 day'
   from h join unit_user uu on uu.unit_id = h.unit_id
   where h.role <> 'co' and h.state = 'signed_for' and h.sent_at is null and h.u_contact < 0.3`,
);
await step(
  "assignments' replied_at",
  `update item_assignments a set replied_at = h.sent_at, version = a.version + 1, updated_at = h.sent_at
   from h where a.org_id = $1 and a.id = h.id and h.sent_at is not null`,
);

// 5. Contacts with the proposers (面商): 85% of the replied replying units, a second one for 35%; 30% of the rest.
await step(
  'contacts with the proposers',
  `insert into handling_contacts (org_id, id, assignment_id, item_id, unit_id, method, contacted_on, people, summary,
     recorded_by, recorded_by_name, created_at)
   select $1, pg_temp.uuid7(at, h.id || ':contact' || n), h.id, h.item_id, h.unit_id,
     (array['visit', 'meeting', 'phone', 'other'])[1 + floor(4 * pg_temp.u(h.id || ':m' || n))::int], pg_temp.day(at),
     '提案人、' || uu.unit_name || '承办人', '与提案人沟通了办理思路和进度，听取了意见建议。', uu.user_id, uu.name, at
   from h join unit_user uu on uu.unit_id = h.unit_id
   cross join lateral generate_series(1, case when h.u_contact < 0.35 then 2 else 1 end) n
   cross join lateral (select h.assigned_at + pg_temp.u(h.id || ':ct' || n)
     * extract(epoch from coalesce(h.sent_at, now()) - h.assigned_at) * interval '1 second' as at) t
   where h.role <> 'co' and h.state = 'signed_for'
     and case when h.sent_at is not null then h.u_contact < 0.85 else h.u_contact < 0.3 end`,
);

// 6. Proposals whose every replying unit replied: replied, the rating window (30 days) open.
await step(
  'proposals replied',
  `update proposals p set state = 'replied', replied_at = x.last, rating_due_on = pg_temp.day(x.last) + 30,
     version = p.version + 1, updated_at = x.last
   from (select item_id, max(sent_at) as last from h where role <> 'co' group by item_id
         having bool_and(sent_at is not null)) x
   where p.org_id = $1 and p.id = x.item_id`,
);

// 7. Ratings of the round-1 replies by the lead proposer (the office for a collective author): 85% once the window
// closed, fewer while it is open; satisfied 78%, basically satisfied 17%, dissatisfied 5%.
await step(
  'ratings, round 1',
  `insert into reply_ratings (org_id, id, reply_id, item_id, member_id, rated_by, rating, contacted, addressed, comment, rated_at)
   select $1, pg_temp.uuid7(at, r.id || ':rating'), r.id, r.item_id, p.lead_member_id, coalesce(mu.id, '${office.id}'),
     case when ur < 0.78 then 'satisfied' when ur < 0.95 then 'basically_satisfied' else 'dissatisfied' end,
     pg_temp.u(r.id || ':cd') < 0.9, ur < 0.95, case when ur >= 0.95 then '答复内容与实际情况不符，问题没有得到解决。' end, at
   from item_replies r
   join proposals p on p.org_id = r.org_id and p.id = r.item_id
   left join users mu on mu.org_id = p.org_id and mu.member_id = p.lead_member_id
   cross join lateral (select pg_temp.u(r.id || ':rating') as ur,
     least(now() - interval '1 hour', r.sent_at + (0.5 + 29 * pg_temp.u(r.id || ':rt')) * interval '1 day') as at) t
   where r.org_id = $1 and r.kind = 'reply' and r.state = 'sent' and p.state = 'replied'
     and pg_temp.u(r.id || ':rated') < case when p.rating_due_on < '${today}'::date then 0.85
       else 0.85 * ('${today}'::date - pg_temp.day(r.sent_at))::float8 / 30 end`,
);

// 8. A dissatisfied rating reopens handling (二次办理, once): the reply is marked, the unit owes a round-2 reply
// within a month; 85% sent it when that month has passed, 40% before.
await query(
  `create temp table reopened on commit drop as
  select r.id as reply_id, r.assignment_id, r.item_id, r.unit_id, rr.rated_at + interval '1 day' as reopened_at,
    pg_temp.day(rr.rated_at + interval '1 day') + 30 as due_on
  from reply_ratings rr join item_replies r on r.org_id = rr.org_id and r.id = rr.reply_id
  where rr.org_id = $1 and rr.rating = 'dissatisfied'`,
  [orgId],
);
await query(`alter table reopened add column sent_at timestamptz`);
await query(`update reopened set sent_at = least(now() - interval '1 hour',
    reopened_at + (0.3 + 0.7 * pg_temp.u(reply_id || ':r2t')) * (least(due_on, '${today}'::date) - pg_temp.day(reopened_at)) * interval '1 day')
  where pg_temp.u(reply_id || ':r2') < case when due_on < '${today}'::date then 0.85 else 0.4 end
    and reopened_at < now() - interval '1 day'`);
await query('analyze reopened');
await step(
  'replies reopened',
  `update item_replies r set reopened_at = o.reopened_at, version = r.version + 1, updated_at = o.reopened_at
   from reopened o where r.org_id = $1 and r.id = o.reply_id`,
);
await step(
  'replies, round 2 sent',
  `insert into item_replies (org_id, id, item_id, assignment_id, unit_id, kind, round, state, text, result_class,
     contact_person, contact_phone, drafted_by, drafted_by_name, signed_off_by, signed_off_by_name, signed_off_at,
     released_by, sent_at, due_on_at_send, version, created_at, updated_at)
   select $1, pg_temp.uuid7(o.sent_at - interval '2 days', o.reply_id || ':reply2'), o.item_id, o.assignment_id, o.unit_id,
     'reply', 2, 'sent', '根据提案人意见，我单位重新研究办理，现再次答复如下：已落实相关措施。', 'A', '张科长', '0571-88001234',
     uu.user_id, uu.name, uu.user_id, uu.unit_name || '分管领导', o.sent_at - interval '1 day', '${office.id}', o.sent_at,
     o.due_on, 4, o.sent_at - interval '2 days', o.sent_at
   from reopened o join unit_user uu on uu.unit_id = o.unit_id where o.sent_at is not null`,
);
await step(
  "reopened assignments' due date and replied_at",
  `update item_assignments a set due_on = o.due_on, replied_at = o.sent_at, version = a.version + 2,
     updated_at = coalesce(o.sent_at, o.reopened_at)
   from reopened o where a.org_id = $1 and a.id = o.assignment_id`,
);
await step(
  'proposals re-handled',
  `update proposals p set rehandling_count = 1, version = p.version + 1,
     state = case when x.owing then 'rehandling' else 'replied' end,
     replied_at = case when x.owing then p.replied_at else greatest(p.replied_at, x.last) end,
     rating_due_on = case when x.owing then null else pg_temp.day(x.last) + 30 end
   from (select o.item_id, bool_or(o.sent_at is null) as owing, max(o.sent_at) as last from reopened o group by o.item_id) x
   where p.org_id = $1 and p.id = x.item_id`,
);
await step(
  'ratings, round 2',
  `insert into reply_ratings (org_id, id, reply_id, item_id, member_id, rated_by, rating, contacted, addressed, rated_at)
   select $1, pg_temp.uuid7(at, r.id || ':rating'), r.id, r.item_id, p.lead_member_id, coalesce(mu.id, '${office.id}'),
     case when ur < 0.6 then 'satisfied' when ur < 0.9 then 'basically_satisfied' else 'dissatisfied' end, true, ur < 0.9, at
   from item_replies r
   join proposals p on p.org_id = r.org_id and p.id = r.item_id
   left join users mu on mu.org_id = p.org_id and mu.member_id = p.lead_member_id
   cross join lateral (select pg_temp.u(r.id || ':rating') as ur,
     least(now() - interval '1 hour', r.sent_at + (0.5 + 20 * pg_temp.u(r.id || ':rt')) * interval '1 day') as at) t
   where r.org_id = $1 and r.kind = 'reply' and r.round = 2 and p.state = 'replied' and pg_temp.u(r.id || ':rated') < 0.8`,
);

// 9. 办结: closed after the rating window (the nightly job), or once every current reply is rated.
await step(
  'proposals closed',
  `update proposals p set state = 'closed', version = p.version + 1,
     closed_at = case when x.all_rated then x.last_rating else pg_temp.morning(p.rating_due_on + 1) end,
     updated_at = case when x.all_rated then x.last_rating else pg_temp.morning(p.rating_due_on + 1) end
   from (select r.item_id, bool_and(rr.id is not null) as all_rated, max(rr.rated_at) as last_rating
         from item_replies r left join reply_ratings rr on rr.org_id = r.org_id and rr.reply_id = r.id
         where r.org_id = $1 and r.kind = 'reply' and r.state = 'sent' and r.reopened_at is null group by r.item_id) x
   where p.org_id = $1 and p.id = x.item_id and p.state = 'replied'
     and (x.all_rated or p.rating_due_on < '${today}'::date)`,
);

// The engine's copy of each assigned proposal follows its state (decision 0016: the board and the reminders read it).
await step(
  'handled items in step with the proposals',
  `update handled_items h set state = p.state, updated_at = p.updated_at,
     phase = case p.state when 'assigned' then 'handling' when 'rehandling' then 'handling' when 'replied' then 'replied'
       when 'closed' then 'closed' when 'archived' then 'archived' else 'waiting' end
   from proposals p where h.org_id = $1 and p.org_id = h.org_id and p.id = h.id and h.kind = 'proposal'`,
);

// 10. Reminders (催办): the scheduled rules (due soon: 5 days before; overdue: the day after) where they would have
// fired, and 1–3 manual ones on a third of the overdue still owing.
await step(
  'reminders, scheduled due soon',
  `insert into reminders (org_id, id, assignment_id, item_id, unit_id, kind, rule, due_on, message, sent_at)
   select $1, pg_temp.uuid7(at, a.id || ':soon'), a.id, a.item_id, a.unit_id, 'scheduled', 'due_soon', a.due_on,
     '交办件将于 ' || a.due_on || ' 到期，请抓紧办理。', at
   from item_assignments a cross join lateral (select pg_temp.morning(a.due_on - 5) as at) t
   where a.org_id = $1 and a.state = 'signed_for' and at < now() and (a.replied_at is null or a.replied_at > at)`,
);
await step(
  'reminders, scheduled overdue',
  `insert into reminders (org_id, id, assignment_id, item_id, unit_id, kind, rule, due_on, message, sent_at)
   select $1, pg_temp.uuid7(at, a.id || ':overdue'), a.id, a.item_id, a.unit_id, 'scheduled', 'overdue', a.due_on,
     '交办件已于 ' || a.due_on || ' 到期，请尽快答复。', at
   from item_assignments a cross join lateral (select pg_temp.morning(a.due_on + 1) as at) t
   where a.org_id = $1 and a.state <> 'reassigned' and at < now() and (a.replied_at is null or a.replied_at > at)`,
);
await step(
  'reminders, manual',
  `insert into reminders (org_id, id, assignment_id, item_id, unit_id, kind, due_on, message, sent_by, sent_by_name, sent_at)
   select $1, pg_temp.uuid7(at, a.id || ':manual' || n), a.id, a.item_id, a.unit_id, 'manual', a.due_on,
     '请贵单位高度重视，尽快答复提案人。', '${office.id}', '${office.name.replace(/'/g, "''")}', at
   from item_assignments a
   join proposals p on p.org_id = a.org_id and p.id = a.item_id and p.state in ('assigned', 'rehandling')
   cross join lateral generate_series(1, 1 + floor(3 * pg_temp.u(a.id || ':mn'))::int) n
   cross join lateral (select least(now() - interval '1 hour', pg_temp.morning(a.due_on + 7 * n)) as at) t
   where a.org_id = $1 and a.state <> 'reassigned' and a.replied_at is null and a.due_on < '${today}'::date
     and pg_temp.u(a.id || ':manual') < 0.33`,
);
await query('commit');
const analyzeAt = performance.now();
for (const table of [
  'proposals',
  'handled_items',
  'item_assignments',
  'item_replies',
  'reply_ratings',
  'handling_contacts',
  'co_handler_opinions',
  'extension_requests',
  'reminders',
])
  await query(`vacuum analyze ${table}`);
console.log(
  `  ${'vacuum analyze'.padEnd(48)} ${' '.repeat(12)} ${((performance.now() - analyzeAt) / 1000).toFixed(1).padStart(6)} s`,
);
const seconds = (performance.now() - started) / 1000;

// ───────────────────────────── report ─────────────────────────────

const states = await query<{ state: string; n: number }>(
  `select state, count(*)::int as n from proposals where org_id = $1 and state in ('assigned', 'replied', 'rehandling', 'closed')
   group by state order by n desc`,
  [orgId],
);
const lights = await query<{ session: string; light: string; n: number }>(
  `select s.name as session, case
       when a.replied_at is not null then 'done'
       when a.due_on < $2::date then 'red'
       when ($2::date - pg_temp.day(a.assigned_at)) * 100 >= 80 * greatest(1, a.due_on - pg_temp.day(a.assigned_at)) then 'yellow'
       else 'green' end as light, count(*)::int as n
   from item_assignments a join proposals p on p.org_id = a.org_id and p.id = a.item_id
   join sessions s on s.org_id = p.org_id and s.id = p.session_id
   where a.org_id = $1 and a.state <> 'reassigned' and p.state in ('assigned', 'replied', 'rehandling', 'closed')
   group by s.number, s.name, 2 order by s.number, 2`,
  [orgId, today],
);
const counts = await query<{ table: string; n: number }>(
  `select 'item_replies' as table, count(*)::int as n from item_replies where org_id = $1
   union all select 'reply_ratings', count(*)::int from reply_ratings where org_id = $1
   union all select 'handling_contacts', count(*)::int from handling_contacts where org_id = $1
   union all select 'co_handler_opinions', count(*)::int from co_handler_opinions where org_id = $1
   union all select 'extension_requests', count(*)::int from extension_requests where org_id = $1
   union all select 'reminders', count(*)::int from reminders where org_id = $1`,
  [orgId],
);
client.release();
await database.close();

console.log(`committee ${organization.code} (${orgId}), today ${today} (${TIME_ZONE})`);
console.log(`proposals: ${states.map((row) => `${row.state} ${row.n}`).join(', ')}`);
console.log(`rows: ${counts.map((row) => `${row.table} ${row.n}`).join(', ')}`);
const bySession = new Map<string, string[]>();
for (const row of lights) bySession.set(row.session, [...(bySession.get(row.session) ?? []), `${row.light} ${row.n}`]);
for (const [session, parts] of bySession) console.log(`board lights, ${session}: ${parts.join(', ')}`);
console.log(`generated in ${seconds.toFixed(1)} s`);
console.log(
  JSON.stringify({
    bench: 'generate-handling',
    orgCode: organization.code,
    today,
    ...Object.fromEntries(counts.map((row) => [row.table, row.n])),
    proposals: Object.fromEntries(states.map((row) => [row.state, row.n])),
    seconds: Number(seconds.toFixed(1)),
  }),
);
