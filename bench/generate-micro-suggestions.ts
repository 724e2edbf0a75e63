/**
 * Adds micro-suggestions (微建议) beside the proposals of the committee generate-proposals.ts filled (the newest
 * `bench-*` committee, or `--org <code>`), handled by the same engine (decision 0016): the micro-suggestion rows
 * (spread over the last two years, numbered per year), and for those transferred to a unit the engine's rows — the
 * handled item, one sole assignment (due 21 days later, about 15 working days), the unit's reply (sent, 10% late)
 * and the members' ratings — so the unit inbox and the board carry both kinds. Declined, merged, converted and
 * member-handled (委员领办) ones have no engine rows. Every step is one `INSERT … SELECT` in SQL on the server; the
 * draws are hashes of the row number and `--seed`. "Today" is the real date in Asia/Shanghai. No events are written.
 *
 * Run: npx tsx bench/generate-micro-suggestions.ts [--count 100000] [--org code] [--seed 1]
 *   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench). Refuses a committee that already has some.
 */
import type pg from 'pg';
import { DEFAULT_BENCH_URL, openBenchDatabase, parseArguments } from './bench-database.ts';

const { flags } = parseArguments(process.argv.slice(2));
const seed = String(flags.get('seed') ?? 1).replace(/[^0-9a-z]/gi, '');
const count = Number(flags.get('count') ?? 100_000);
if (!Number.isInteger(count) || count < 1) throw new Error('--count 应为正整数');
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
const [{ existing }] = await query<{ existing: number }>(
  'select count(*)::int as existing from micro_suggestions where org_id = $1',
  [orgId],
);
if (existing > 0) throw new Error(`压测政协 ${organization.code} 已有 ${existing} 条微建议：请重新生成提案后再运行`);
const [office] = await query<{ id: string }>(
  `select u.id from users u join user_roles r on r.org_id = u.org_id and r.user_id = u.id
   where u.org_id = $1 and r.role = 'proposal_office' order by u.username limit 1`,
  [orgId],
);
if (!office) throw new Error('压测政协没有提案委工作人员账号');

await query(`create function pg_temp.u(key text) returns float8 language sql immutable as $$
  select ('x' || substr(md5('${seed}:' || key), 1, 13))::bit(52)::bigint / 4503599627370496.0
$$`);
await query(`create function pg_temp.uuid7(at timestamptz, key text) returns uuid language sql immutable as $$
  select (substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-7' || substr(h, 1, 3) || '-' ||
          substr('89ab', get_byte(decode(substr(h, 4, 2), 'hex'), 0) % 4 + 1, 1) || substr(h, 6, 3) || '-' ||
          substr(h, 9, 12))::uuid
  from (select lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') as ms, md5(key) as h) parts
$$`);
await query(`create function pg_temp.day(at timestamptz) returns date language sql immutable as $$
  select (at at time zone '${TIME_ZONE}')::date
$$`);
const [{ today }] = await query<{ today: string }>(`select pg_temp.day(now())::text as today`);

const started = performance.now();
async function step(name: string, text: string, values: unknown[] = [orgId]): Promise<void> {
  const at = performance.now();
  const result = await client.query(text, values);
  const table = /^\s*(?:insert into|update)\s+(\w+)/i.exec(text)?.[1];
  if (table) await client.query(`analyze ${table}`);
  console.log(
    `  ${name.padEnd(48)} ${String(result.rowCount ?? 0).padStart(7)} rows ${((performance.now() - at) / 1000).toFixed(1).padStart(6)} s`,
  );
}

await query('begin');
// The members (with their accounts) and the active units to draw from.
await query(
  `create temp table pick_member on commit drop as
   select row_number() over (order by m.id) as n, m.id, coalesce(u.id, '${office.id}'::uuid) as user_id
   from members m left join users u on u.org_id = m.org_id and u.member_id = m.id where m.org_id = $1`,
  [orgId],
);
await query(
  `create temp table pick_unit on commit drop as
   select row_number() over (order by id) as n, id, name from units where org_id = $1 and active`,
  [orgId],
);
await query('create unique index on pick_member (n)');
await query('create unique index on pick_unit (n)');
const [{ members, units }] = await query<{ members: number; units: number }>(
  'select (select count(*)::int from pick_member) as members, (select count(*)::int from pick_unit) as units',
);
if (members === 0 || units === 0) throw new Error('压测政协没有委员或承办单位');

const titles = [
  ['路灯损坏', '夜间出行不便，存在安全隐患', '尽快维修并建立巡查机制'],
  ['雨后路面积水', '每逢下雨积水没过脚踝，行人只能绕行', '疏通排水管网，抬高路面'],
  ['公交站缺少雨棚', '候车群众日晒雨淋，老人孩子尤其不便', '增设雨棚和座椅'],
  ['小区门口占道经营', '早晚高峰车辆和行人拥堵', '规范摊点，划定临时疏导点'],
  ['人行道破损', '地砖松动翘起，老人容易绊倒', '更换地砖并定期养护'],
  ['垃圾清运不及时', '垃圾桶满溢，气味难闻', '增加清运频次，增设分类桶'],
  ['学校周边缺少减速带', '上下学时段车速过快，学生过街危险', '设置减速带和警示标志'],
  ['老旧小区缺少充电桩', '电动车入户充电，存在火灾隐患', '建设集中充电棚'],
];
const places = ['城关街道幸福社区', '东城街道和平社区', '西湖镇新华村', '南门街道解放路', '北苑街道阳光社区', '高新区创业大道'];
await query(
  `create temp table m on commit drop as
   select g.i, t.at, pg_temp.uuid7(t.at, 'micro:' || g.i) as id,
     pg_temp.u('micro:' || g.i || ':s') as u_state, pg_temp.u('micro:' || g.i || ':r') as u_reply,
     pg_temp.u('micro:' || g.i || ':late') as u_late, pg_temp.u('micro:' || g.i || ':rating') as u_rating,
     1 + floor(${titles.length} * pg_temp.u('micro:' || g.i || ':title'))::int as title_n,
     1 + floor(${places.length} * pg_temp.u('micro:' || g.i || ':place'))::int as place_n,
     pm.id as member_id, pm.user_id, pu.id as unit_id
   from generate_series(1, ${count}) g(i)
   cross join lateral (select now() - (1 + 729 * pg_temp.u('micro:' || g.i || ':t')) * interval '1 day' as at) t
   join pick_member pm on pm.n = 1 + floor(${members} * pg_temp.u('micro:' || g.i || ':m'))::int
   join pick_unit pu on pu.n = 1 + floor(${units} * pg_temp.u('micro:' || g.i || ':u'))::int`,
);
// What happened to each: the office's decision 2 days after submission; a unit's part from the transfer on.
await query(`alter table m add column mode text, add column state text, add column transferred_at timestamptz,
  add column due_on date, add column sent_at timestamptz, add column rating text, add column resolved_at timestamptz`);
await query(`update m set mode = case
    when at > now() - interval '2 days' then 'queue'
    when u_state < 0.06 then 'declined' when u_state < 0.09 then 'merged' when u_state < 0.11 then 'converted'
    when u_state < 0.14 then 'member' else 'unit' end`);
await query(`update m set transferred_at = at + interval '2 days', due_on = pg_temp.day(at + interval '2 days') + 21
  where mode = 'unit'`);
await query(`update m set sent_at = least(now() - interval '1 hour', case
    when u_late < 0.1 then (due_on + 1 + floor(100 * u_late)::int)::timestamp at time zone '${TIME_ZONE}' + interval '10 hours'
    else transferred_at + (0.2 + 0.8 * u_reply) * (due_on - pg_temp.day(transferred_at)) * interval '1 day' end)
  where mode = 'unit' and (due_on < '${today}'::date and u_reply < 0.95
    or due_on >= '${today}'::date and u_reply < 0.6 * ('${today}'::date - pg_temp.day(transferred_at))::float8 / 21)`);
await query(`update m set sent_at = null where sent_at <= transferred_at`);
await query(`update m set rating = case when u_rating < 0.2 then null when u_rating < 0.8 then 'satisfied'
    when u_rating < 0.95 then 'basically_satisfied' else 'dissatisfied' end where sent_at is not null`);
await query(`update m set state = case
    when mode = 'queue' then 'submitted' when mode in ('declined', 'merged', 'converted') then mode
    when mode = 'member' then 'resolved'
    when sent_at is null then 'handling'
    when sent_at + interval '15 days' < now() or rating is not null then 'resolved'
    else 'replied' end,
  resolved_at = case when mode = 'member' then at + interval '20 days'
    when sent_at is not null and (rating is not null or sent_at + interval '15 days' < now())
      then least(now() - interval '1 minute', sent_at + interval '5 days') end`);
await query('analyze m');

const titleValues = titles.map(([title], index) => `(${index + 1}, '${title}')`).join(', ');
const textValues = titles.map(([, problem, suggestion], index) => `(${index + 1}, '${problem}', '${suggestion}')`).join(', ');
const placeValues = places.map((place, index) => `(${index + 1}, '${place}')`).join(', ');
await step(
  'micro-suggestions',
  `insert into micro_suggestions (org_id, id, number, year, sequence, title, place, problem, suggestion, lead_member_id,
     member_ids, created_by, source, state, submitted_at, accepted_at, handling_mode, transferred_at, replied_at,
     rating_due_on, resolved_at, resolution, member_report, member_reported_at, version, created_at, updated_at)
   select $1, m.id, n.year || '-' || lpad(n.sequence::text, 5, '0'), n.year, n.sequence,
     pl.place || tt.title, pl.place, tx.problem || '。', tx.suggestion || '。', m.member_id, array[m.member_id], m.user_id,
     'member', m.state, m.at, case when m.mode in ('unit', 'member') then m.at + interval '1 day' end,
     case m.mode when 'unit' then 'unit' when 'member' then 'member' end, m.transferred_at, m.sent_at,
     case when m.state = 'replied' then pg_temp.day(m.sent_at) + 15 end, m.resolved_at,
     case when m.mode = 'member' then 'member_reported' when m.state = 'resolved' then coalesce(m.rating, 'unrated') end,
     case when m.mode = 'member' then '已协调社区完成整改。' end,
     case when m.mode = 'member' then m.resolved_at end,
     3, m.at - interval '1 hour', coalesce(m.resolved_at, m.sent_at, m.transferred_at, m.at)
   from m
   join (select id, extract(year from at at time zone '${TIME_ZONE}')::int as year,
           row_number() over (partition by extract(year from at at time zone '${TIME_ZONE}') order by at, id)::int as sequence
         from m) n on n.id = m.id
   join (values ${titleValues}) tt(n, title) on tt.n = m.title_n
   join (values ${textValues}) tx(n, problem, suggestion) on tx.n = m.title_n
   join (values ${placeValues}) pl(n, place) on pl.n = m.place_n`,
);
await step(
  'numbering counters',
  `insert into micro_suggestion_counters (org_id, year, last_number)
   select $1, year, max(sequence) from micro_suggestions where org_id = $1 group by year`,
);
await step(
  'handled items (transferred to a unit)',
  `insert into handled_items (org_id, id, kind, session_id, number, title, state, phase, created_at, updated_at)
   select s.org_id, s.id, 'micro_suggestion', null, s.number, s.title, s.state,
     case s.state when 'handling' then 'handling' when 'rehandling' then 'handling' when 'replied' then 'replied'
       else 'closed' end, s.transferred_at, s.updated_at
   from micro_suggestions s where s.org_id = $1 and s.handling_mode = 'unit'`,
);
await step(
  'assignments (sole)',
  `insert into item_assignments (org_id, id, item_id, unit_id, role, state, assigned_at, due_on, adjustment_until,
     signed_for_at, signed_for_by, replied_at, version, created_at, updated_at)
   select $1, pg_temp.uuid7(m.transferred_at, m.id || ':assignment'), m.id, m.unit_id, 'sole',
     case when m.transferred_at > now() - interval '1 day' then 'pending' else 'signed_for' end,
     m.transferred_at, m.due_on, pg_temp.day(m.transferred_at),
     case when m.transferred_at <= now() - interval '1 day' then m.transferred_at + interval '6 hours' end,
     case when m.transferred_at <= now() - interval '1 day' then uu.id end,
     m.sent_at, 2, m.transferred_at, coalesce(m.sent_at, m.transferred_at)
   from m left join lateral (select u.id from users u where u.org_id = $1 and u.unit_id = m.unit_id limit 1) uu on true
   where m.mode = 'unit'`,
);
await step(
  'replies sent (no leader sign-off)',
  `insert into item_replies (org_id, id, item_id, assignment_id, unit_id, kind, round, state, text, contact_person,
     contact_phone, drafted_by, drafted_by_name, sent_at, due_on_at_send, version, created_at, updated_at)
   select $1, pg_temp.uuid7(m.sent_at - interval '1 day', m.id || ':reply'), m.id, a.id, m.unit_id, 'reply', 1, 'sent',
     '已安排人员现场查看并完成处理，欢迎继续监督。', '王科长', '0571-88001234', coalesce(a.signed_for_by, '${office.id}'),
     '承办人', m.sent_at, m.due_on, 3, m.sent_at - interval '1 day', m.sent_at
   from m join item_assignments a on a.org_id = $1 and a.item_id = m.id
   where m.sent_at is not null`,
);
await step(
  'ratings',
  `insert into reply_ratings (org_id, id, reply_id, item_id, member_id, rated_by, rating, contacted, addressed, rated_at)
   select $1, pg_temp.uuid7(r.sent_at + interval '3 days', m.id || ':rating'), r.id, m.id, m.member_id, m.user_id,
     m.rating, true, m.rating <> 'dissatisfied', least(now() - interval '1 minute', r.sent_at + interval '3 days')
   from m join item_replies r on r.org_id = $1 and r.item_id = m.id
   where m.rating is not null`,
);
await query('commit');
const analyzeAt = performance.now();
for (const table of ['micro_suggestions', 'handled_items', 'item_assignments', 'item_replies', 'reply_ratings'])
  await query(`vacuum analyze ${table}`);
console.log(
  `  ${'vacuum analyze'.padEnd(48)} ${' '.repeat(12)} ${((performance.now() - analyzeAt) / 1000).toFixed(1).padStart(6)} s`,
);
const seconds = (performance.now() - started) / 1000;
const states = await query<{ state: string; n: number }>(
  'select state, count(*)::int as n from micro_suggestions where org_id = $1 group by state order by n desc',
  [orgId],
);
const kinds = await query<{ kind: string; items: number; assignments: number }>(
  `select h.kind, count(distinct h.id)::int as items, count(a.id)::int as assignments
   from handled_items h left join item_assignments a on a.org_id = h.org_id and a.item_id = h.id and a.state <> 'reassigned'
   where h.org_id = $1 group by h.kind order by h.kind`,
  [orgId],
);
client.release();
await database.close();
console.log(`committee ${organization.code} (${orgId}), today ${today} (${TIME_ZONE})`);
console.log(`micro-suggestions: ${states.map((row) => `${row.state} ${row.n}`).join(', ')}`);
console.log(`handled items: ${kinds.map((row) => `${row.kind} ${row.items} (${row.assignments} live assignments)`).join(', ')}`);
console.log(`generated in ${seconds.toFixed(1)} s`);
console.log(
  JSON.stringify({
    bench: 'generate-micro-suggestions',
    orgCode: organization.code,
    today,
    microSuggestions: Object.fromEntries(states.map((row) => [row.state, row.n])),
    handledItems: Object.fromEntries(kinds.map((row) => [row.kind, row.items])),
    seconds: Number(seconds.toFixed(1)),
  }),
);
