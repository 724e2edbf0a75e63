import { describe, expect, it } from 'vitest';
import type { CoSignerAction, ProposalAction } from '../../../contracts/proposals.ts';
import type { Role } from '../../../contracts/roles.ts';
import {
  canCreateProposal,
  canReadProposal,
  canSearchSimilar,
  canTakeCoSignerAction,
  canTakeProposalAction,
  isProposer,
  type ProposalFacts,
} from './proposals.policy.ts';

type Who = { userId: string; roles: Role[]; memberId: string | null };
const lead: Who = { userId: 'u-lead', roles: ['member'], memberId: 'm-lead' };
const coSigner: Who = { userId: 'u-co', roles: ['member'], memberId: 'm-co' };
const otherMember: Who = { userId: 'u-other', roles: ['member'], memberId: 'm-other' };
const unlinkedMember: Who = { userId: 'u-unlinked', roles: ['member'], memberId: null };
const office: Who = { userId: 'u-office', roles: ['proposal_office'], memberId: null };
const unit: Who = { userId: 'u-unit', roles: ['unit_handler'], memberId: null };
const admin: Who = { userId: 'u-admin', roles: ['system_admin'], memberId: null };
const supervisor: Who = { userId: 'u-supervisor', roles: ['supervisor'], memberId: null };
const leader: Who = { userId: 'u-leader', roles: ['leader'], memberId: null };
const assignedUnit = { userId: 'u-unit-a', roles: ['unit_handler'] as Role[], memberId: null, unitId: 'unit-a' };

const memberProposal = (state: string): ProposalFacts => ({
  authorType: 'member',
  leadMemberId: 'm-lead',
  createdBy: 'u-lead',
  state,
});
const collectiveProposal = (state: string): ProposalFacts => ({
  authorType: 'collective',
  leadMemberId: null,
  createdBy: 'u-office-2',
  state,
});

describe('isProposer', () => {
  it.each([
    ['lead of a member proposal', lead, memberProposal('draft'), true],
    ['co-signer', coSigner, memberProposal('draft'), false],
    ['office on a member proposal', office, memberProposal('submitted'), false],
    ['office on a collective proposal', office, collectiveProposal('draft'), true],
    ['member on a collective proposal', lead, collectiveProposal('draft'), false],
    ['member without a member record', unlinkedMember, { ...memberProposal('draft'), leadMemberId: null }, false],
  ] as const)('%s → %s', (_name, actor, proposal, want) => expect(isProposer(actor, proposal)).toBe(want));
});

describe('canCreateProposal', () => {
  it.each([
    ['member, own', lead, false, true],
    ['member, collective', lead, true, false],
    ['member without record', unlinkedMember, false, false],
    ['office, collective', office, true, true],
    ['office, own', office, false, false],
    ['unit, own', unit, false, false],
    ['admin, collective', admin, true, false],
  ] as const)('%s → %s', (_name, actor, collective, want) => expect(canCreateProposal(actor, collective)).toBe(want));
});

describe('canReadProposal', () => {
  it.each([
    ['lead reads own draft', lead, memberProposal('draft'), [], true],
    ['co-signer reads the co-signing proposal', coSigner, memberProposal('co_signing'), ['m-co'], true],
    ['other member, draft', otherMember, memberProposal('draft'), ['m-co'], false],
    ['other member, submitted', otherMember, memberProposal('submitted'), [], false],
    ['office, member draft', office, memberProposal('draft'), [], false],
    ['office, co-signing', office, memberProposal('co_signing'), [], false],
    ['office, submitted', office, memberProposal('submitted'), [], true],
    ['office, withdrawn', office, memberProposal('withdrawn'), [], true],
    ['office, collective draft by a colleague', office, collectiveProposal('draft'), [], true],
    ['unit, submitted', unit, memberProposal('submitted'), [], false],
    ['admin, submitted', admin, memberProposal('submitted'), [], false],
    ['supervisor, submitted', supervisor, memberProposal('submitted'), [], false],
    ['supervisor, filed', supervisor, memberProposal('filed'), [], true],
    ['supervisor, assigned', supervisor, memberProposal('assigned'), [], true],
    ['supervisor, rejected', supervisor, memberProposal('rejected'), [], false],
    ['leader, draft', leader, memberProposal('draft'), [], false],
    ['leader, filed', leader, memberProposal('filed'), [], true],
    ['leader, collective assigned', leader, collectiveProposal('assigned'), [], true],
  ] as const)('%s → %s', (_name, actor, proposal, coSigners, want) =>
    expect(canReadProposal(actor, proposal, coSigners)).toBe(want),
  );

  const links = { assignedUnitIds: ['unit-a'], mergedProposerMemberIds: ['m-other'] };
  it.each([
    ['unit it was assigned to', assignedUnit, true],
    ['another unit', { ...assignedUnit, unitId: 'unit-b' }, false],
    ['assigned unit id without a unit role', { ...assignedUnit, roles: ['member'] as Role[] }, false],
    ['proposer of a proposal merged into it', otherMember, true],
    ['unrelated member', coSigner, false],
  ] as const)('with links: %s → %s', (_name, actor, want) =>
    expect(canReadProposal(actor, memberProposal('assigned'), [], links)).toBe(want),
  );
});

describe('canTakeProposalAction', () => {
  const cases: [string, Who, ProposalFacts, ProposalAction, boolean][] = [
    ['lead edits own draft', lead, memberProposal('draft'), 'edit', true],
    ['other member edits', otherMember, memberProposal('draft'), 'edit', false],
    ['co-signer submits', coSigner, memberProposal('co_signing'), 'submit', false],
    ['office edits a member draft', office, memberProposal('draft'), 'edit', false],
    ['office edits a collective draft', office, collectiveProposal('draft'), 'edit', true],
    ['office submits a collective proposal', office, collectiveProposal('draft'), 'submit', true],
    ['lead invites co-signers', lead, memberProposal('draft'), 'invite_co_signers', true],
    ['office invites to a collective proposal', office, collectiveProposal('draft'), 'invite_co_signers', false],
    ['lead withdraws', lead, memberProposal('submitted'), 'withdraw', true],
    ['other member withdraws', otherMember, memberProposal('submitted'), 'withdraw', false],
    ['lead adds a supplement', lead, memberProposal('submitted'), 'add_supplement', true],
    ['co-signer adds a supplement', coSigner, memberProposal('submitted'), 'add_supplement', false],
    ['office files (role decides)', office, memberProposal('submitted'), 'file', true],
  ];
  it.each(cases)('%s → %s', (_name, actor, proposal, action, want) =>
    expect(canTakeProposalAction(actor, proposal, action)).toBe(want),
  );
});

describe('canTakeCoSignerAction', () => {
  const cases: [string, Who, ProposalFacts, string, CoSignerAction, boolean][] = [
    ['invited member accepts', coSigner, memberProposal('co_signing'), 'm-co', 'accept', true],
    ['invited member declines', coSigner, memberProposal('co_signing'), 'm-co', 'decline', true],
    ['another member accepts for them', otherMember, memberProposal('co_signing'), 'm-co', 'accept', false],
    ['lead accepts for them', lead, memberProposal('co_signing'), 'm-co', 'accept', false],
    ['lead cancels', lead, memberProposal('co_signing'), 'm-co', 'cancel', true],
    ['invited member cancels', coSigner, memberProposal('co_signing'), 'm-co', 'cancel', false],
    ['office cancels', office, memberProposal('co_signing'), 'm-co', 'cancel', false],
    ['unlinked member accepts', unlinkedMember, memberProposal('co_signing'), 'm-co', 'accept', false],
  ];
  it.each(cases)('%s → %s', (_name, actor, proposal, memberId, action, want) =>
    expect(canTakeCoSignerAction(actor, proposal, memberId, action)).toBe(want),
  );
});

describe('canSearchSimilar', () => {
  it.each([
    ['member', lead, true],
    ['office', office, true],
    ['unit handler', unit, false],
    ['system admin', admin, false],
  ] as const)('%s → %s', (_name, actor, want) => expect(canSearchSimilar(actor)).toBe(want));
});
