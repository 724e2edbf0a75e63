import type { Role } from '../../../contracts/roles.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { createOrganization, createUser, type FixtureUser, signIn } from '../../test/fixtures.ts';
import type { TestApp } from '../../test/test-app.ts';
import { dictionaryEntries, sessions, terms } from '../orgs/orgs.tables.ts';
import { members } from '../people/people.tables.ts';

/** The test clock: 2026-01-10 10:00 in Shanghai, inside the current session's proposal window. */
export const TODAY = new Date('2026-01-10T02:00:00Z');

/**
 * A committee ready for proposal work: a term with the previous and the current session, a proposal category
 * and a party, members `lead`, `co1`, `co2`, `outsider` (each a signed-in user linked to a member record) and a
 * proposal office user. `bodyMaxCharacters` is set to 500 so the limit is the tenant's, not the default.
 */
export async function createProposalCommittee(deps: AppDependencies) {
  const organization = await createOrganization(deps, { settings: { proposals: { bodyMaxCharacters: 500 } } });
  const orgId = organization.id;
  const orm = deps.database.orm;
  const [term] = await orm
    .insert(terms)
    .values({ orgId, number: 10, name: '十届', startsOn: '2022-01-06' })
    .returning({ id: terms.id });
  const [previous, current] = await orm
    .insert(sessions)
    .values([
      {
        orgId,
        termId: term.id,
        number: 4,
        name: '十届四次会议',
        year: 2025,
        plenaryStartsOn: '2025-01-20',
        plenaryEndsOn: '2025-01-24',
        proposalWindowOpensOn: '2024-12-01',
      },
      {
        orgId,
        termId: term.id,
        number: 5,
        name: '十届五次会议',
        year: 2026,
        plenaryStartsOn: '2026-01-20',
        plenaryEndsOn: '2026-01-24',
        proposalWindowOpensOn: '2025-12-01',
        isCurrent: true,
      },
    ])
    .returning({ id: sessions.id });
  const [category, party] = await orm
    .insert(dictionaryEntries)
    .values([
      { orgId, kind: 'proposal_category', code: 'E01', name: '经济建设' },
      { orgId, kind: 'party', code: 'P02', name: '民盟' },
    ])
    .returning({ id: dictionaryEntries.id });
  const names = { lead: '张委员', co1: '李委员', co2: '王委员', outsider: '赵委员' };
  const memberIds: Record<string, string> = {};
  const headers: Record<string, Record<string, string>> = {};
  const accounts: Record<string, FixtureUser> = {};
  for (const [key, name] of Object.entries(names)) {
    const [member] = await orm.insert(members).values({ orgId, name }).returning({ id: members.id });
    memberIds[key] = member.id;
    accounts[key] = await createUser(deps, { orgId, roles: ['member'], memberId: member.id, displayName: name });
    headers[key] = await signIn(deps, accounts[key]);
  }
  for (const role of ['proposal_office', 'unit_handler'] as Role[]) {
    accounts[role] = await createUser(deps, { orgId, roles: [role], displayName: role });
    headers[role] = await signIn(deps, accounts[role]);
  }
  return {
    orgId,
    sessionIds: { previous: previous.id, current: current.id },
    categoryId: category.id,
    partyId: party.id,
    memberIds,
    /** Headers of a user: lead, co1, co2, outsider, proposal_office, unit_handler; `extra` adds e.g. If-Match. */
    as: (who: string, extra: Record<string, string> = {}) => ({ ...headers[who], ...extra }),
    /** Signs everyone in again at the test clock's time (after moving the clock past the idle timeout). */
    signInAgain: async () => {
      for (const [who, account] of Object.entries(accounts)) headers[who] = await signIn(deps, account);
    },
  };
}

/** Sends a request to /api/v1. */
export function call(
  test: TestApp,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) {
  return test.app.inject({ method, url: `/api/v1${url}`, headers, payload });
}

/** A complete draft body within the test committee's 500-character limit. */
export function draftBody(title = '关于加快城市老旧小区加装电梯的建议', extra: Record<string, unknown> = {}) {
  return {
    title,
    background: '老旧小区居民老龄化严重，上下楼困难。',
    suggestions: '一是简化审批；二是加大财政补贴；三是引入社会资本。',
    keywords: ['加装电梯', '老旧小区'],
    ...extra,
  };
}
