import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import { newId } from '../../platform/db/columns.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { members, units, users } from '../people/people.tables.ts';
import { syncProposalHandledItemsById } from './proposals.handled-item.ts';
import { assignmentBatches, proposalCoSigners, proposalSupplements, proposals } from './proposals.tables.ts';
import { createProposalCommittee } from './proposals.test-support.ts';

type NewProposal = typeof proposals.$inferInsert;
/** What a test knows of a seeded proposal: enough to compute the expected order of every sort. */
export type SeededProposal = {
  id: string;
  key: string;
  state: string;
  authorType: string;
  submittedAt: string | null;
  sequence: number | null;
};

/**
 * The test committee of proposals.test-support plus records written directly into the tables (no review or
 * assignment endpoint needed): two units with a handler each, a supervisor, a leader, a sector, a batch, and
 * proposals in every visibility case. `rows` maps a key (p1…p10, bulk0…bulk11) to the proposal.
 */
export async function seedProposalRecords(deps: AppDependencies) {
  const city = await createProposalCommittee(deps);
  const orm = deps.database.orm;
  const orgId = city.orgId;
  const userOf = async (memberId: string) =>
    (await orm.select({ id: users.id }).from(users).where(eq(users.memberId, memberId)))[0].id;
  const leadUserId = await userOf(city.memberIds.lead);
  const co1UserId = await userOf(city.memberIds.co1);
  const co2UserId = await userOf(city.memberIds.co2);
  const outsiderUserId = await userOf(city.memberIds.outsider);

  const [sector, otherSector] = await orm
    .insert(dictionaryEntries)
    .values([
      { orgId, kind: 'sector', code: 'S01', name: '经济界' },
      { orgId, kind: 'sector', code: 'S02', name: '教育界' },
    ])
    .returning({ id: dictionaryEntries.id });
  await orm.update(members).set({ sectorId: sector.id, partyId: city.partyId }).where(eq(members.id, city.memberIds.lead));
  await orm.update(members).set({ sectorId: otherSector.id }).where(eq(members.id, city.memberIds.co1));

  const [unitA, unitB] = await orm
    .insert(units)
    .values([
      { orgId, code: 'U01', name: '市住房和城乡建设局' },
      { orgId, code: 'U02', name: '市财政局' },
    ])
    .returning({ id: units.id });
  const extra: Record<string, Record<string, string>> = {};
  const people: [string, Role[], string | null, string][] = [
    ['unitA', ['unit_handler'], unitA.id, '住建局经办人'],
    ['unitB', ['unit_leader'], unitB.id, '财政局分管领导'],
    ['supervisor', ['supervisor'], null, '督办领导'],
    ['leader', ['leader'], null, '市领导'],
  ];
  const userIds: Record<string, string> = {};
  for (const [key, roles, unitId, displayName] of people) {
    const user = await createUser(deps, { orgId, roles, unitId, displayName });
    userIds[key] = user.id;
    extra[key] = await signIn(deps, user);
  }
  const [{ id: officeUserId }] = await orm
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.displayName, 'proposal_office')));

  const { current, previous } = city.sessionIds;
  const at = (day: string) => `${day}T01:00:00.000Z`;
  const base = (createdBy: string, leadMemberId: string | null): Omit<NewProposal, 'title'> => ({
    orgId,
    sessionId: current,
    kind: 'plenary',
    authorType: leadMemberId ? 'member' : 'collective',
    leadMemberId,
    createdBy,
    background: '情况分析正文。',
    suggestions: '一是加强统筹；二是加大投入。',
  });
  const definitions: [string, NewProposal][] = [
    [
      'p1',
      {
        ...base(leadUserId, city.memberIds.lead),
        title: '关于老城区加装电梯的建议',
        keywords: ['老旧小区'],
        categoryId: city.categoryId,
        state: 'submitted',
        submittedAt: at('2026-01-05'),
      },
    ],
    [
      'p2',
      {
        ...base(co1UserId, city.memberIds.co1),
        title: '关于优化公交线路的建议',
        kind: 'interim',
        state: 'submitted',
        submittedAt: at('2026-01-03'),
      },
    ],
    [
      'p3',
      {
        ...base(leadUserId, city.memberIds.lead),
        title: '关于发展夜间经济的建议',
        state: 'filed',
        number: '0002',
        sequence: 2,
        submittedAt: at('2026-01-02'),
        filedAt: at('2026-01-08'),
      },
    ],
    [
      'p4',
      {
        ...base(co1UserId, city.memberIds.co1),
        title: '关于保障性住房建设的建议',
        state: 'assigned',
        number: '0001',
        sequence: 1,
        submittedAt: at('2026-01-01'),
        filedAt: at('2026-01-07'),
        assignmentMode: 'lead',
        assignedAt: at('2026-01-09'),
      },
    ],
    [
      'p5',
      {
        ...base(officeUserId, null),
        title: '关于促进民营经济发展的建议',
        collectiveAuthorName: '民盟市委会',
        state: 'submitted',
        submittedAt: at('2026-01-04'),
      },
    ],
    ['p6', { ...base(leadUserId, city.memberIds.lead), title: '尚未写完的草稿', state: 'draft' }],
    [
      'p7',
      {
        ...base(outsiderUserId, city.memberIds.outsider),
        title: '关于社区养老的建议',
        state: 'co_signing',
        coSigningDeadline: '2026-01-20',
      },
    ],
    [
      'p8',
      {
        ...base(leadUserId, city.memberIds.lead),
        sessionId: previous,
        title: '关于河道治理的建议',
        state: 'assigned',
        number: '0001',
        sequence: 1,
        submittedAt: at('2025-01-10'),
        filedAt: at('2025-01-15'),
      },
    ],
    [
      'p9',
      {
        ...base(co2UserId, city.memberIds.co2),
        title: '关于推销某品牌产品的建议',
        state: 'rejected',
        submittedAt: at('2026-01-02'),
      },
    ],
    ['p10', { ...base(officeUserId, null), title: '集体提案草稿', collectiveAuthorName: '市工商联', state: 'draft' }],
  ];
  // Bulk rows for paging: filed ones with numbers, submitted ones without; instants repeat to the microsecond.
  for (let index = 0; index < 12; index++) {
    const filed = index < 8;
    definitions.push([
      `bulk${index}`,
      {
        ...base(co2UserId, city.memberIds.co2),
        title: `关于第${index}号事项的建议`,
        state: filed ? 'filed' : 'submitted',
        number: filed ? String(index + 3).padStart(4, '0') : null,
        sequence: filed ? index + 3 : null,
        submittedAt: `2026-01-06T01:00:00.${String(123456 + Math.floor(index / 3)).padStart(6, '0')}Z`,
      },
    ]);
  }
  const rows: Record<string, SeededProposal> = {};
  for (const [key, values] of definitions) {
    const id = newId();
    await orm.insert(proposals).values({ ...values, id });
    rows[key] = {
      id,
      key,
      state: values.state ?? 'draft',
      authorType: values.authorType,
      submittedAt: values.submittedAt ?? null,
      sequence: values.sequence ?? null,
    };
  }
  await orm.insert(proposalCoSigners).values([
    { orgId, proposalId: rows.p2.id, memberId: city.memberIds.lead, state: 'accepted' },
    { orgId, proposalId: rows.p7.id, memberId: city.memberIds.lead, state: 'invited' },
    { orgId, proposalId: rows.p1.id, memberId: city.memberIds.co2, state: 'accepted' },
    { orgId, proposalId: rows.p1.id, memberId: city.memberIds.outsider, state: 'declined' },
  ]);
  await orm.insert(proposalSupplements).values({
    orgId,
    proposalId: rows.p1.id,
    text: '补充：已走访十个小区。',
    authorId: leadUserId,
    authorName: '张委员',
    createdAt: at('2026-01-06'),
  });
  const [batch] = await orm
    .insert(assignmentBatches)
    .values({
      orgId,
      sessionId: current,
      title: '十届五次会议提案交办会',
      documentNumber: '政协提〔2026〕3号',
      confirmedAt: at('2026-01-09'),
      confirmedBy: officeUserId,
    })
    .returning({ id: assignmentBatches.id });
  const assignment = (
    proposalId: string,
    unitId: string,
    role: string,
    state = 'pending',
    batchId: string | null = batch.id,
  ) => ({
    id: newId(),
    orgId,
    itemId: proposalId,
    unitId,
    role,
    state,
    batchId,
    assignedAt: at('2026-01-09'),
    dueOn: role === 'co' ? '2026-02-09' : '2026-04-09',
    adjustmentUntil: '2026-01-16',
  });
  const assignments = {
    p4Lead: assignment(rows.p4.id, unitA.id, 'lead'),
    p4Co: assignment(rows.p4.id, unitB.id, 'co'),
    p8Replaced: assignment(rows.p8.id, unitA.id, 'sole', 'reassigned', null),
    p8Sole: assignment(rows.p8.id, unitB.id, 'sole', 'pending', null),
  };
  await syncProposalHandledItemsById(orm, orgId, [rows.p4.id, rows.p8.id]);
  await orm.insert(itemAssignments).values(Object.values(assignments));

  return {
    ...city,
    /** Headers of lead, co1, co2, outsider, proposal_office, unit_handler (no unit), unitA, unitB, supervisor, leader. */
    as: (who: string, more: Record<string, string> = {}) => (extra[who] ? { ...extra[who], ...more } : city.as(who, more)),
    rows,
    unitIds: { a: unitA.id, b: unitB.id },
    sectorIds: { lead: sector.id, co1: otherSector.id },
    batchId: batch.id,
    assignments,
    userIds: { ...userIds, lead: leadUserId, office: officeUserId },
  };
}

/** The keys of the seeded rows in the order a sort should list them. */
export function expectedOrder(rows: SeededProposal[], sort: 'newest' | 'oldest' | 'number' | 'waiting'): string[] {
  const byId = (a: SeededProposal, b: SeededProposal) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const nullsLast = <T extends string | number>(a: T | null, b: T | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
  const sorted = [...rows].sort((a, b) => {
    if (sort === 'newest') return -byId(a, b);
    if (sort === 'oldest') return byId(a, b);
    const key = sort === 'number' ? nullsLast(a.sequence, b.sequence) : nullsLast(a.submittedAt, b.submittedAt);
    return key || byId(a, b);
  });
  return sorted.map((row) => row.key);
}
