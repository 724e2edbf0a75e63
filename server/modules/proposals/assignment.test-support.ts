import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import { officialCalendarDays } from '../../platform/calendar/official-calendar.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { createUser, type FixtureUser, signIn } from '../../test/fixtures.ts';
import { calendarDays } from '../orgs/orgs.tables.ts';
import { units, users } from '../people/people.tables.ts';
import { takeNextProposalNumber } from './proposals.numbering.ts';
import { proposals } from './proposals.tables.ts';
import { createProposalCommittee } from './proposals.test-support.ts';

/** The handling units of the test committee; `closed` is inactive. */
const unitNames = {
  reform: '市发展和改革委员会',
  housing: '市住房和城乡建设局',
  transport: '市交通运输局',
  education: '市教育局',
  closed: '市已撤销局',
} as const;
export type UnitKey = keyof typeof unitNames;

/**
 * A proposal committee (createProposalCommittee) with the official 2025–2026 holiday schedule, five units (one
 * inactive) and a signed-in unit_handler for each (`as('reform')`…), plus a unit_leader of reform (`reformLeader`).
 */
export async function createAssignmentCommittee(deps: AppDependencies) {
  const committee = await createProposalCommittee(deps);
  const { orgId } = committee;
  const orm = deps.database.orm;
  await orm.insert(calendarDays).values(officialCalendarDays().map((row) => ({ orgId, ...row })));
  const unitIds = {} as Record<UnitKey, string>;
  const accounts: Record<string, FixtureUser> = {};
  const headers: Record<string, Record<string, string>> = {};
  let order = 0;
  for (const [key, name] of Object.entries(unitNames) as [UnitKey, string][]) {
    order += 1;
    const [unit] = await orm
      .insert(units)
      .values({ orgId, code: `U${order}`, name, sortOrder: order, active: key !== 'closed' })
      .returning({ id: units.id });
    unitIds[key] = unit.id;
    accounts[key] = await createUser(deps, { orgId, roles: ['unit_handler'], unitId: unit.id, displayName: `${name}承办人` });
  }
  const extra: [string, Role[], string | null][] = [
    ['reformLeader', ['unit_leader'], unitIds.reform],
    ['supervisor', ['supervisor'], null],
  ];
  for (const [key, roles, unitId] of extra) accounts[key] = await createUser(deps, { orgId, roles, unitId, displayName: key });
  for (const [key, account] of Object.entries(accounts)) headers[key] = await signIn(deps, account);
  return {
    ...committee,
    unitIds,
    /** Headers of a unit handler (reform, housing…), reformLeader, supervisor, or a committee user (lead, proposal_office…). */
    as: (who: string, more: Record<string, string> = {}) =>
      headers[who] ? { ...headers[who], ...more } : committee.as(who, more),
    /** Signs everyone in again at the test clock's time (after moving the clock). */
    signInAgain: async () => {
      await committee.signInAgain();
      for (const [key, account] of Object.entries(accounts)) headers[key] = await signIn(deps, account);
    },
  };
}

export type AssignmentCommittee = Awaited<ReturnType<typeof createAssignmentCommittee>>;

/**
 * Inserts a filed proposal by the lead member directly (its number taken from the session's counter), without the
 * review endpoints; `state` lets a test make a proposal that is not filed.
 */
export async function insertFiledProposal(
  deps: AppDependencies,
  committee: AssignmentCommittee,
  input: { title: string; keywords?: string[]; categoryId?: string | null; sessionId?: string; state?: string },
): Promise<{ id: string; version: number; number: string | null; title: string }> {
  const sessionId = input.sessionId ?? committee.sessionIds.current;
  const state = input.state ?? 'filed';
  return deps.database.orm.transaction(async (tx) => {
    const numbered = state === 'submitted' ? null : await takeNextProposalNumber(tx, committee.orgId, sessionId);
    const [lead] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, committee.orgId), eq(users.memberId, committee.memberIds.lead)));
    const now = deps.now().toISOString();
    const [row] = await tx
      .insert(proposals)
      .values({
        orgId: committee.orgId,
        sessionId,
        kind: 'plenary',
        title: input.title,
        background: '情况分析。',
        suggestions: '具体建议。',
        categoryId: input.categoryId === undefined ? committee.categoryId : input.categoryId,
        keywords: input.keywords ?? [],
        authorType: 'member',
        leadMemberId: committee.memberIds.lead,
        createdBy: lead.id,
        state,
        submittedAt: now,
        number: numbered?.number ?? null,
        sequence: numbered?.sequence ?? null,
        filedAt: numbered ? now : null,
      })
      .returning({ id: proposals.id, version: proposals.version, number: proposals.number, title: proposals.title });
    return row;
  });
}
