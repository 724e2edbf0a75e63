/**
 * Fills one new committee (tenant) with N realistic proposals for load benchmarks: a term with two sessions,
 * ~2,000 members with accounts, ~100 handling units, co-signers on ~30% of member proposals, unit assignments
 * (sole / parallel / lead + co) for the assigned ones, numbers per session (gapless) for the filed ones.
 * Texts come from the real public messages in ../shared/eval/ (read at run time, never copied here):
 * title → 案由, body → 情况分析 / 建议. Rows go in with multi-row INSERTs of ~1,000 inside transactions, then
 * ANALYZE. No events are written (the app writes one per change; they are not what the list and detail read).
 *
 * Run: npx tsx bench/generate-proposals.ts [N=100000] [--reset] [--embedded [dir]] [--seed 1]
 *   server: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench), created when missing, migrated;
 *           --reset drops and recreates it first.
 *   --embedded: an embedded PGlite in `dir` (default a new temp dir), kept for proposal-endpoints.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';
import { itemAssignments } from '../server/modules/handling/handled-items.tables.ts';
import { createOrganizationWithDefaults } from '../server/modules/orgs/actions/create-organization.ts';
import { dictionaryEntries, sessions, terms } from '../server/modules/orgs/orgs.tables.ts';
import { members, units, userRoles, users } from '../server/modules/people/people.tables.ts';
import {
  assignmentBatches,
  proposalCoSigners,
  proposalNumberCounters,
  proposals,
} from '../server/modules/proposals/proposals.tables.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import type { Database, Executor } from '../server/platform/db/database.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { createDependencies } from '../server/platform/dependencies.ts';
import { testConfig } from '../server/test/test-app.ts';
import { DEFAULT_BENCH_URL, ensureServerDatabase, openBenchDatabase, parseArguments, seededRandom } from './bench-database.ts';

const { flags, positional } = parseArguments(process.argv.slice(2));
const count = Number(flags.get('count') ?? positional[0] ?? 100_000);
const memberCount = Number(flags.get('members') ?? 2_000);
const unitCount = Math.min(100, Number(flags.get('units') ?? 100));
const seed = Number(flags.get('seed') ?? 1);
const embedded = flags.get('embedded');
const embeddedDir =
  embedded === undefined ? undefined : embedded === true ? mkdtempSync(join(tmpdir(), 'cppcc-bench-')) : resolve(embedded);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
const BATCH = 1_000;
/** Rows per transaction: ten multi-row INSERTs. */
const TRANSACTION_ROWS = 10_000;
const EVAL_DIR = resolve(import.meta.dirname, '../../shared/eval');

if (!Number.isInteger(count) || count < 1) throw new Error(`提案数量不合法：${count}`);
const random = seededRandom(seed);

// ───────────────────────────── small helpers ─────────────────────────────

/** One of the items, uniformly. */
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A key chosen by weight. */
function weighted<T extends string>(weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll <= 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** `k` distinct items, none in `exclude`. */
function sample<T>(items: readonly T[], k: number, exclude: ReadonlySet<T> = new Set()): T[] {
  const chosen = new Set<T>();
  while (chosen.size < k && chosen.size < items.length - exclude.size) {
    const item = pick(items);
    if (!exclude.has(item)) chosen.add(item);
  }
  return [...chosen];
}

const DAY = 86_400_000;
/** A business date (Asia/Shanghai) of an instant. */
function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}
/** An instant between two (ms), as ISO. */
function between(from: number, to: number): number {
  return Math.floor(from + random() * Math.max(0, to - from));
}
const iso = (ms: number) => new Date(ms).toISOString();

// ───────────────────────────── texts from the public data ─────────────────────────────

type Text = { title: string; background: string; suggestions: string; label: string | null; keywords: string[] };

const topicWords = [
  '小区',
  '物业',
  '学校',
  '教育',
  '医院',
  '医保',
  '养老',
  '交通',
  '停车',
  '公交',
  '地铁',
  '道路',
  '噪音',
  '污染',
  '垃圾',
  '拆迁',
  '安置',
  '房产',
  '住房',
  '公积金',
  '社保',
  '就业',
  '工资',
  '农村',
  '农民',
  '扶贫',
  '环境',
  '排水',
  '供水',
  '供电',
  '燃气',
  '绿化',
  '消防',
  '安全',
  '食品',
  '旅游',
  '商铺',
  '市场',
  '网约车',
  '出租车',
  '幼儿园',
  '招聘',
  '户口',
  '补贴',
];

/** Splits a message body into 情况分析 and 建议 at the first sentence that asks for something. */
function splitBody(body: string): { background: string; suggestions: string } {
  const clean = body.replace(/\s+/g, ' ').trim().slice(0, 1_400);
  const sentences = clean.match(/[^。！？!?]+[。！？!?]?/g) ?? [clean];
  let cut = sentences.findIndex(
    (sentence, index) => index > 0 && /建议|希望|恳请|请求|呼吁|应当|应该|要求|请.{0,6}(部门|政府|领导)/.test(sentence),
  );
  if (cut < 0) cut = Math.max(1, Math.ceil(sentences.length * 0.6));
  if (cut >= sentences.length) cut = Math.max(1, sentences.length - 1);
  if (sentences.length < 2) {
    // One long sentence: split at the comma nearest its middle.
    const comma = clean.indexOf('，', Math.floor(clean.length / 2));
    if (comma > 0 && comma < clean.length - 1)
      return { background: clean.slice(0, comma + 1), suggestions: clean.slice(comma + 1) };
    return { background: '', suggestions: clean };
  }
  return { background: sentences.slice(0, cut).join('').trim(), suggestions: sentences.slice(cut).join('').trim() };
}

/** 案由 in the usual form (关于…的建议 / 的提案), from a message title. */
function caseTitle(title: string): string {
  const core = title
    .replace(/^(关于|反映|建议|投诉|咨询|请求|恳请)/, '')
    .replace(/[？?！!。，,\s]+$/g, '')
    .replace(/(的?建议|的?提案)$/, '')
    .slice(0, 40);
  const form = random();
  if (form < 0.5) return `关于${core}的建议`;
  if (form < 0.8) return `关于${core}的提案`;
  return core;
}

/** Every usable message of the two public files, as proposal texts. */
function loadTexts(): Text[] {
  const texts: Text[] = [];
  for (const file of ['messages-labelled.jsonl', 'messages-hot.jsonl']) {
    for (const line of readFileSync(join(EVAL_DIR, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const message = JSON.parse(line) as { title?: string; body?: string; label?: string };
      if (!message.title || !message.body || message.body.length < 20) continue;
      const title = message.title.trim();
      const { background, suggestions } = splitBody(message.body);
      const keywords = topicWords.filter((word) => title.includes(word)).slice(0, 3);
      if (message.label && keywords.length < 3) keywords.push(message.label);
      texts.push({ title, background, suggestions, label: message.label ?? null, keywords });
    }
  }
  if (texts.length === 0) throw new Error(`没有读到公开数据：${EVAL_DIR}`);
  return texts;
}

/** The board's seven labels → the committee's proposal categories (by name). */
const labelCategory: Record<string, string[]> = {
  城乡建设: ['城乡建设'],
  环境保护: ['生态环境'],
  交通运输: ['交通运输'],
  教育文体: ['教育', '文化旅游'],
  劳动和社会保障: ['社会保障'],
  商贸旅游: ['经济建设', '文化旅游'],
  卫生计生: ['卫生健康'],
};
const wordCategory: [RegExp, string][] = [
  [/学校|教育|幼儿园|学生|老师/, '教育'],
  [/医院|医保|医疗|卫生|疫苗/, '卫生健康'],
  [/交通|公交|地铁|道路|停车|出租车|网约车/, '交通运输'],
  [/污染|垃圾|环境|噪音|排水|绿化/, '生态环境'],
  [/社保|养老|就业|工资|补贴|公积金/, '社会保障'],
  [/农村|农民|扶贫|农业/, '农业农村'],
  [/小区|物业|拆迁|安置|房|供水|供电|燃气/, '城乡建设'],
  [/旅游|文化|体育/, '文化旅游'],
  [/企业|市场|商铺|税/, '经济建设'],
  [/派出所|执法|法院|违法/, '政治法治'],
];

// ───────────────────────────── people and units ─────────────────────────────

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenCharacters =
  '建国秀英志强丽华海涛晓燕庆春梅振雪立新红霞文博静怡宏伟淑芬德明玉兰俊杰子涵欣悦浩然思远佳琪明辉桂芳永刚凤琴家豪雨晨光荣';
const workplaces = [
  '市第一人民医院',
  'A市大学',
  '市实验中学',
  'A市律师事务所',
  '市农业科学院',
  'A市商会',
  '市建筑设计研究院',
  '市妇幼保健院',
  'A市电视台',
  '市科技企业孵化器',
  '某区街道办事处',
  '市文联',
];
const positions = ['主任', '副主任', '院长', '副院长', '教授', '校长', '律师', '董事长', '总经理', '主任医师', '研究员', '会长'];

const unitNames: [string, string][] = [
  ['市发展和改革委员会', 'government'],
  ['市教育局', 'government'],
  ['市科学技术局', 'government'],
  ['市工业和信息化局', 'government'],
  ['市公安局', 'government'],
  ['市民政局', 'government'],
  ['市司法局', 'government'],
  ['市财政局', 'government'],
  ['市人力资源和社会保障局', 'government'],
  ['市自然资源和规划局', 'government'],
  ['市生态环境局', 'government'],
  ['市住房和城乡建设局', 'government'],
  ['市交通运输局', 'government'],
  ['市水利局', 'government'],
  ['市农业农村局', 'government'],
  ['市商务局', 'government'],
  ['市文化旅游广电局', 'government'],
  ['市卫生健康委员会', 'government'],
  ['市退役军人事务局', 'government'],
  ['市应急管理局', 'government'],
  ['市审计局', 'government'],
  ['市国有资产监督管理委员会', 'government'],
  ['市市场监督管理局', 'government'],
  ['市体育局', 'government'],
  ['市统计局', 'government'],
  ['市医疗保障局', 'government'],
  ['市城市管理综合执法局', 'government'],
  ['市林业局', 'government'],
  ['市乡村振兴局', 'government'],
  ['市机关事务管理局', 'government'],
  ['市信访局', 'government'],
  ['市数据资源局', 'government'],
  ['市政务服务中心', 'government'],
  ['市住房公积金管理中心', 'government'],
  ['市公共资源交易中心', 'government'],
  ['市税务局', 'government'],
  ['市气象局', 'government'],
  ['市邮政管理局', 'government'],
  ['市消防救援支队', 'government'],
  ['市园林局', 'government'],
  ['市人防办', 'government'],
  ['市粮食和物资储备局', 'government'],
  ['市地方金融监督管理局', 'government'],
  ['市民族宗教事务局', 'government'],
  ['市外事办公室', 'government'],
  ['市中级人民法院', 'court'],
  ['市人民检察院', 'procuratorate'],
  ['市委组织部', 'party'],
  ['市委宣传部', 'party'],
  ['市委统战部', 'party'],
  ['市委政法委', 'party'],
  ['市总工会', 'people_organization'],
  ['团市委', 'people_organization'],
  ['市妇联', 'people_organization'],
  ['市科协', 'people_organization'],
  ['市残联', 'people_organization'],
  ['市红十字会', 'people_organization'],
  ['市文联', 'people_organization'],
  ['市侨联', 'people_organization'],
  ['市工商联', 'people_organization'],
  ['市供销合作社', 'other'],
  ['市烟草专卖局', 'other'],
  ['国网A市供电公司', 'enterprise'],
  ['A市水务集团', 'enterprise'],
  ['A市燃气集团', 'enterprise'],
  ['A市公交集团', 'enterprise'],
  ['A市轨道交通集团', 'enterprise'],
  ['A市城市建设投资集团', 'enterprise'],
  ['中国移动A市分公司', 'enterprise'],
  ['中国电信A市分公司', 'enterprise'],
];
for (let district = 1; unitNames.length < 100; district += 1) {
  unitNames.push([`A${district}区人民政府`, 'government']);
  if (unitNames.length < 100) unitNames.push([`A${district}县人民政府`, 'government']);
}

/** Inserts rows in multi-row INSERTs of BATCH, TRANSACTION_ROWS per transaction. */
async function insertAll(database: Database, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += TRANSACTION_ROWS) {
    const chunk = rows.slice(start, start + TRANSACTION_ROWS);
    await database.orm.transaction(async (tx) => {
      for (let offset = 0; offset < chunk.length; offset += BATCH) {
        // biome-ignore lint/suspicious/noExplicitAny: one helper for every table
        await tx.insert(table).values(chunk.slice(offset, offset + BATCH) as any);
      }
    });
  }
}

// ───────────────────────────── the run ─────────────────────────────

const started = performance.now();
const phases: [string, number][] = [];
let phaseStarted = started;
function phase(name: string): void {
  const now = performance.now();
  phases.push([name, now - phaseStarted]);
  phaseStarted = now;
}

if (!embeddedDir) {
  const outcome = await ensureServerDatabase(databaseUrl, flags.has('reset'));
  console.log(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}: ${outcome}${flags.has('reset') ? ' (reset)' : ''}`);
} else console.log(`embedded PGlite in ${embeddedDir} (relaxed durability)`);
const database = await openBenchDatabase({ databaseUrl, embeddedDir });
await runMigrations(database);
const deps = createDependencies(testConfig(), database);
phase('migrations');

const texts = loadTexts();
const orgCode = `bench-${count}-${Date.now().toString(36)}`;
const organization = await database.orm.transaction((tx) =>
  createOrganizationWithDefaults(tx, deps, {
    code: orgCode,
    name: `压测市政协（${count} 件提案）`,
    level: 'city',
    parentId: null,
  }),
);
const orgId = organization.id;
const orm = database.orm as Executor;

// A term with the previous and the current session.
const [term] = await orm
  .insert(terms)
  .values({ orgId, number: 10, name: '十届', startsOn: '2022-01-06' })
  .returning({ id: terms.id });
const sessionPlans = [
  {
    number: 4,
    name: '十届四次会议',
    year: 2025,
    opens: '2024-11-15',
    starts: '2025-01-07',
    ends: '2025-01-10',
    until: '2025-12-31',
    isCurrent: false,
  },
  {
    number: 5,
    name: '十届五次会议',
    year: 2026,
    opens: '2025-11-14',
    starts: '2026-01-06',
    ends: '2026-01-09',
    until: '2026-11-30',
    isCurrent: true,
  },
];
const sessionRows = await orm
  .insert(sessions)
  .values(
    sessionPlans.map((plan) => ({
      orgId,
      termId: term.id,
      number: plan.number,
      name: plan.name,
      year: plan.year,
      plenaryStartsOn: plan.starts,
      plenaryEndsOn: plan.ends,
      proposalWindowOpensOn: plan.opens,
      isCurrent: plan.isCurrent,
    })),
  )
  .returning({ id: sessions.id, number: sessions.number });
const sessionIds = sessionPlans.map((plan) => sessionRows.find((row) => row.number === plan.number)?.id as string);

// Dictionaries the committee started with.
const entries = await orm
  .select({ id: dictionaryEntries.id, kind: dictionaryEntries.kind, code: dictionaryEntries.code, name: dictionaryEntries.name })
  .from(dictionaryEntries)
  .where(eq(dictionaryEntries.orgId, orgId));
const ofKind = (kind: string) => entries.filter((entry) => entry.kind === kind);
const categories = ofKind('proposal_category');
const categoryByName = new Map(categories.map((entry) => [entry.name, entry.id]));
const sectors = ofKind('sector');
const parties = ofKind('party');
const committees = ofKind('committee');
const groups = ofKind('group');
const rejectionReasons = ofKind('rejection_reason');
const collectiveAuthors = [...parties, ...committees, ...sectors.slice(10, 18)];

// Members, each with an account; units, each with a handler account; three office staff.
const passwordHash = await hashPassword('Bench@2026pw');
const memberRows = Array.from({ length: memberCount }, (_, index) => {
  const party = random() < 0.45 ? pick(parties) : null;
  return {
    orgId,
    id: uuidv7(),
    name: pick([...surnames]) + Array.from({ length: random() < 0.7 ? 2 : 1 }, () => pick([...givenCharacters])).join(''),
    gender: random() < 0.62 ? 'male' : 'female',
    birthYear: 1958 + Math.floor(random() * 32),
    ethnicity: random() < 0.93 ? '汉族' : pick(['回族', '满族', '土家族', '苗族', '壮族']),
    sectorId: pick(sectors).id,
    committeeId: pick(committees).id,
    partyId: party?.id ?? null,
    groupId: groups.length ? pick(groups).id : null,
    workplace: pick(workplaces),
    position: pick(positions),
    isStandingCommittee: index % 9 === 0,
  };
});
const unitRows = unitNames.slice(0, unitCount).map(([name, kind], index) => ({
  orgId,
  id: uuidv7(),
  code: `U${String(index + 1).padStart(3, '0')}`,
  name,
  kind,
  sortOrder: (index + 1) * 10,
}));
const account = (username: string, displayName: string, extra: { memberId?: string; unitId?: string }) => ({
  orgId,
  id: uuidv7(),
  username: `${orgCode}-${username}`,
  displayName,
  passwordHash,
  mustChangePassword: false,
  memberId: extra.memberId ?? null,
  unitId: extra.unitId ?? null,
});
const memberUsers = memberRows.map((member, index) => account(`m${index + 1}`, member.name, { memberId: member.id }));
const unitUsers = unitRows.map((unit, index) => account(`u${index + 1}`, `${unit.name}经办人`, { unitId: unit.id }));
const officeUsers = [1, 2, 3].map((index) => account(`office${index}`, `提案委工作人员${index}`, {}));
await insertAll(database, members, memberRows);
await insertAll(database, units, unitRows);
await insertAll(database, users, [...memberUsers, ...unitUsers, ...officeUsers]);
await insertAll(database, userRoles, [
  ...memberUsers.map((user) => ({ orgId, userId: user.id, role: 'member' })),
  ...unitUsers.map((user) => ({ orgId, userId: user.id, role: 'unit_handler' })),
  ...officeUsers.map((user) => ({ orgId, userId: user.id, role: 'proposal_office' })),
]);
phase('committee, members, units, accounts');

// ───────────────────────────── proposals ─────────────────────────────

type ProposalState =
  | 'draft'
  | 'co_signing'
  | 'submitted'
  | 'returned'
  | 'filed'
  | 'rejected'
  | 'merged'
  | 'converted'
  | 'withdrawn'
  | 'assigned';
/** The previous session is almost done; the current one still has a queue, drafts and unassigned filed ones. */
const stateWeights: Record<ProposalState, number>[] = [
  {
    assigned: 80,
    filed: 3,
    rejected: 7,
    merged: 5,
    converted: 2,
    withdrawn: 2,
    submitted: 0.5,
    returned: 0.5,
    draft: 0,
    co_signing: 0,
  },
  {
    assigned: 42,
    filed: 20,
    submitted: 12,
    returned: 3,
    rejected: 6,
    merged: 4,
    converted: 1,
    withdrawn: 2,
    draft: 7,
    co_signing: 3,
  },
];
/** Share of each session's proposals: the previous one 45%, the current one 55%. */
const sessionShare = 0.45;
const now = Date.now();
const sessionTimes = sessionPlans.map((plan) => ({
  opens: Date.parse(`${plan.opens}T01:00:00Z`),
  plenaryEnds: Date.parse(`${plan.ends}T10:00:00Z`),
  until: Math.min(now - DAY, Date.parse(`${plan.until}T10:00:00Z`)),
  plenaryEndsOn: plan.ends,
  opensOn: plan.opens,
}));

type Draft = Record<string, unknown> & {
  id: string;
  state: ProposalState;
  sessionIndex: number;
  createdMs: number;
  filedMs: number | null;
  leadMemberIndex: number | null;
};
const proposalRows: Draft[] = [];
const office = officeUsers[0];
for (let index = 0; index < count; index += 1) {
  const sessionIndex = random() < sessionShare ? 0 : 1;
  const times = sessionTimes[sessionIndex];
  const state = weighted(stateWeights[sessionIndex]);
  // Most proposals are handed in for the plenary session; the rest through the year.
  const plenary = random() < 0.75;
  const createdMs = plenary ? between(times.opens, times.plenaryEnds) : between(times.plenaryEnds, times.until);
  const text = pick(texts);
  const collective = random() < 0.08;
  const author = collective ? pick(collectiveAuthors) : null;
  // Active members write many proposals, most write a few: a skewed pick.
  const leadMemberIndex = collective ? null : Math.floor(memberCount * random() ** 1.3);
  const category =
    (text.label && categoryByName.get(pick(labelCategory[text.label] ?? ['其他']))) ??
    categoryByName.get(wordCategory.find(([pattern]) => pattern.test(text.title))?.[1] ?? '') ??
    pick(categories).id;
  const submittedMs = state === 'draft' || state === 'co_signing' ? null : createdMs + between(0, 3 * DAY);
  const decidedMs = submittedMs === null ? null : submittedMs + between(DAY, 20 * DAY);
  const handedIn = submittedMs !== null && state !== 'withdrawn';
  const filedMs = state === 'filed' || state === 'assigned' ? decidedMs : null;
  const decidedAt = decidedMs === null ? null : iso(Math.min(decidedMs, now - 3_600_000));
  let decision: Record<string, unknown> | null = null;
  if (handedIn && state !== 'submitted' && decidedAt) {
    const base = { decidedAt, decidedBy: office.id };
    if (state === 'filed' || state === 'assigned') decision = { action: 'file', reason: null, ...base };
    else if (state === 'rejected') {
      const reason = pick(rejectionReasons);
      decision = {
        action: 'reject',
        reasonCodeId: reason.id,
        reasonCodeName: reason.name,
        reason: `经审查，${reason.name}，不予立案。`,
        ...base,
      };
    } else if (state === 'returned')
      decision = { action: 'return', reason: '建议部分过于笼统，请补充具体可行的措施后重新提交。', ...base };
    else if (state === 'merged') decision = { action: 'merge', reason: '与同类提案内容相近，作并案处理。', ...base };
    else if (state === 'converted') {
      decision = {
        action: 'convert',
        convertedTo: 'opinion_report',
        consent: { note: '电话征得提案人同意', recordedBy: office.id },
        reason: '反映情况具体，转为社情民意信息。',
        ...base,
      };
    }
  }
  const lastChange = Math.min(now - 60_000, Math.max(createdMs, decidedMs ?? createdMs));
  proposalRows.push({
    orgId,
    id: uuidv7({ msecs: createdMs }),
    sessionIndex,
    sessionId: sessionIds[sessionIndex],
    kind: shanghaiDate(submittedMs ?? createdMs) <= times.plenaryEndsOn ? 'plenary' : 'interim',
    title: caseTitle(text.title),
    background: text.background,
    suggestions: text.suggestions,
    categoryId: category,
    keywords: text.keywords,
    agreesToPublish: random() < 0.93,
    publicationRefusalReason: null,
    authorType: collective ? 'collective' : 'member',
    leadMemberIndex,
    leadMemberId: leadMemberIndex === null ? null : memberRows[leadMemberIndex].id,
    collectiveAuthorId: author?.id ?? null,
    collectiveAuthorName: author?.name ?? null,
    createdBy: leadMemberIndex === null ? pick(officeUsers).id : memberUsers[leadMemberIndex].id,
    state,
    submittedAt: submittedMs === null ? null : iso(submittedMs),
    coSigningDeadline: state === 'co_signing' ? shanghaiDate(now + 5 * DAY) : null,
    createdMs,
    filedMs,
    filedAt: filedMs === null ? null : iso(Math.min(filedMs, now - 3_600_000)),
    decision,
    convertedTo: state === 'converted' ? 'opinion_report' : null,
    version: 1 + (submittedMs ? 1 : 0) + (decision ? 1 : 0) + (state === 'assigned' ? 1 : 0),
    createdAt: iso(createdMs),
    updatedAt: iso(lastChange),
  });
}

// Numbers: per session, gapless, in filing order.
const lastNumbers = [0, 0];
const filed = proposalRows.filter((row) => row.filedMs !== null).sort((a, b) => (a.filedMs as number) - (b.filedMs as number));
for (const row of filed) {
  const sequence = ++lastNumbers[row.sessionIndex];
  row.sequence = sequence;
  row.number = String(sequence).padStart(4, '0');
}
// 并案: a merged proposal joins a filed one of its session.
const filedBySession = [0, 1].map((sessionIndex) => filed.filter((row) => row.sessionIndex === sessionIndex));
for (const row of proposalRows) {
  if (row.state === 'merged')
    row.mergedIntoId = filedBySession[row.sessionIndex].length ? pick(filedBySession[row.sessionIndex]).id : null;
}

// Co-signers on ~30% of member proposals past the draft.
const coSignerRows: Record<string, unknown>[] = [];
for (const row of proposalRows) {
  if (row.leadMemberIndex === null || row.state === 'draft' || (row.state !== 'co_signing' && random() >= 0.3)) continue;
  const lead = memberRows[row.leadMemberIndex].id;
  const invited = sample(memberRows, 1 + Math.floor(random() ** 2 * 5), new Set([memberRows[row.leadMemberIndex]]));
  for (const member of invited) {
    const invitedMs = row.createdMs + between(3_600_000, DAY);
    const state =
      row.state === 'co_signing'
        ? weighted({ invited: 50, accepted: 45, declined: 5 })
        : weighted({ accepted: 86, declined: 9, cancelled: 5 });
    if (member.id === lead) continue;
    coSignerRows.push({
      orgId,
      id: uuidv7({ msecs: invitedMs }),
      proposalId: row.id,
      memberId: member.id,
      state,
      invitedAt: iso(invitedMs),
      respondedAt: state === 'invited' ? null : iso(invitedMs + between(3_600_000, 2 * DAY)),
    });
  }
}

// Assignments: sole 60%, parallel 15%, lead + co 25%; batches at the plenary assignment meeting, then monthly.
const batchRows: Record<string, unknown>[] = [];
const batchOf = new Map<string, string>();
function batchFor(sessionIndex: number, assignedMs: number): string {
  const month = shanghaiDate(assignedMs).slice(0, 7);
  const key = `${sessionIndex}:${month}`;
  let id = batchOf.get(key);
  if (!id) {
    id = uuidv7({ msecs: assignedMs });
    batchOf.set(key, id);
    batchRows.push({
      orgId,
      id,
      sessionId: sessionIds[sessionIndex],
      title: `${sessionPlans[sessionIndex].name}提案交办会（${month}）`,
      documentNumber: `政协提〔${month.slice(0, 4)}〕${batchRows.length + 1}号`,
      confirmedAt: iso(assignedMs),
      confirmedBy: office.id,
    });
  }
  return id;
}
const assignmentRows: Record<string, unknown>[] = [];
const unitUserOf = new Map(unitUsers.map((user) => [user.unitId, user.id]));
for (const row of proposalRows) {
  if (row.state !== 'assigned') continue;
  const assignedMs = Math.min(now - 3_600_000, (row.filedMs as number) + between(2 * DAY, 25 * DAY));
  const mode = weighted({ sole: 60, parallel: 15, lead: 25 });
  row.assignmentMode = mode;
  row.assignedAt = iso(assignedMs);
  const chosen = sample(
    unitRows,
    mode === 'sole' ? 1 : mode === 'parallel' ? 2 + Math.floor(random() * 2) : 2 + Math.floor(random() * 3),
  );
  const batchId = batchFor(row.sessionIndex, assignedMs);
  chosen.forEach((unit, position) => {
    const role = mode === 'lead' ? (position === 0 ? 'lead' : 'co') : mode;
    const state = weighted({ signed_for: 85, pending: 10, adjustment_requested: 3, reassigned: 2 });
    const signedMs = assignedMs + between(3_600_000, 5 * DAY);
    const base = {
      orgId,
      itemId: row.id,
      role,
      batchId,
      assignedAt: iso(assignedMs),
      dueOn: shanghaiDate(assignedMs + (role === 'co' ? 30 : 90) * DAY),
      adjustmentUntil: shanghaiDate(assignedMs + 7 * DAY),
      version: state === 'pending' ? 1 : 2,
      createdAt: iso(assignedMs),
      updatedAt: iso(Math.min(now - 60_000, signedMs)),
    };
    const id = uuidv7({ msecs: assignedMs });
    if (state === 'reassigned') {
      // The unit asked for an adjustment, the office approved it and assigned a replacement unit.
      const replacement = sample(unitRows, 1, new Set(chosen))[0];
      const replacementId = uuidv7({ msecs: signedMs });
      assignmentRows.push({
        ...base,
        id,
        unitId: unit.id,
        state,
        adjustmentReason: '该事项不属于本单位职责范围，建议调整。',
        adjustmentRequestedAt: iso(signedMs),
        decisionReason: '同意调整。',
        replacedById: replacementId,
      });
      assignmentRows.push({
        ...base,
        id: replacementId,
        unitId: replacement.id,
        state: 'signed_for',
        signedForAt: iso(Math.min(now - 60_000, signedMs + DAY)),
        signedForBy: unitUserOf.get(replacement.id) ?? null,
        createdAt: iso(signedMs),
      });
      return;
    }
    assignmentRows.push({
      ...base,
      id,
      unitId: unit.id,
      state,
      signedForAt: state === 'pending' ? null : iso(Math.min(now - 60_000, signedMs)),
      signedForBy: state === 'pending' ? null : (unitUserOf.get(unit.id) ?? null),
      adjustmentReason: state === 'adjustment_requested' ? '该提案主要涉及其他部门职责，申请调整承办单位。' : null,
      adjustmentRequestedAt: state === 'adjustment_requested' ? iso(Math.min(now - 60_000, signedMs)) : null,
    });
  });
}
phase('rows built in memory');

// Insert in id order (as the app would have, UUIDv7 being time-ordered).
proposalRows.sort((a, b) => (a.id < b.id ? -1 : 1));
await insertAll(
  database,
  proposals,
  proposalRows.map((row) => {
    const { sessionIndex: _s, createdMs: _c, filedMs: _f, leadMemberIndex: _l, ...values } = row;
    return values;
  }),
);
phase(`proposals (${proposalRows.length})`);
await insertAll(database, proposalCoSigners, coSignerRows);
phase(`co-signers (${coSignerRows.length})`);
await insertAll(database, assignmentBatches, batchRows);
// The handling engine's row of every assigned proposal, before its assignments (decision 0016).
await database.pool.query(
  `insert into handled_items (org_id, id, kind, session_id, number, title, state, phase, created_at, updated_at)
   select org_id, id, 'proposal', session_id, number, title, state, 'handling', coalesce(assigned_at, updated_at), updated_at
   from proposals where org_id = $1 and state = 'assigned'`,
  [orgId],
);
await insertAll(database, itemAssignments, assignmentRows);
phase(`assignments (${assignmentRows.length}, ${batchRows.length} batches)`);
await orm
  .insert(proposalNumberCounters)
  .values(sessionIds.map((sessionId, index) => ({ orgId, sessionId, lastNumber: lastNumbers[index] })));
await database.pool.query('analyze');
phase('counters, analyze');

const states = await database.pool.query(
  'select state, count(*)::int as n from proposals where org_id = $1 group by state order by n desc',
  [orgId],
);
const [{ total }] = (await orm
  .select({ total: sql<number>`count(*)::int` })
  .from(proposals)
  .where(and(eq(proposals.orgId, orgId)))) as { total: number }[];
await database.close();
const seconds = (performance.now() - started) / 1000;

console.log(`committee ${orgCode} (${orgId}): ${total} proposals, ${memberRows.length} members, ${unitRows.length} units`);
console.log(`states: ${states.rows.map((row) => `${row.state} ${row.n}`).join(', ')}`);
console.log(`numbers: ${sessionPlans.map((plan, index) => `${plan.name} 1–${lastNumbers[index]}`).join(', ')}`);
for (const [name, ms] of phases) console.log(`  ${name.padEnd(40)} ${(ms / 1000).toFixed(1)} s`);
console.log(`generated in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} proposals/s)`);
if (embeddedDir) console.log(`embedded data dir (pass to the endpoint bench): --embedded ${embeddedDir}`);
console.log(
  JSON.stringify({
    bench: 'generate-proposals',
    orgCode,
    proposals: total,
    coSigners: coSignerRows.length,
    assignments: assignmentRows.length,
    seconds: Number(seconds.toFixed(1)),
    database: embeddedDir ? 'pglite' : 'postgres',
  }),
);
