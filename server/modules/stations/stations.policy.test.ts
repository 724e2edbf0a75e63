import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import {
  canListVisits,
  canManageStations,
  canReadDutyDay,
  canReadStations,
  canReadVisitsOf,
  canRecordVisitAt,
  canRevealVisitor,
  canScheduleDutyAt,
  dutyDayListScope,
  isStaffOf,
} from './stations.policy.ts';

const A = 'station-a';
const B = 'station-b';
const who = (roles: Role[], links: { stationId?: string | null; memberId?: string | null } = {}) => ({ roles, ...links });

const office = who(['proposal_office']);
const staffA = who(['station_staff'], { stationId: A });
const staffUnlinked = who(['station_staff'], { stationId: null });
const member = who(['member'], { memberId: 'm1' });

describe('who keeps and reads stations', () => {
  it.each([
    ['proposal_office', true, true],
    ['station_staff', false, true],
    ['member', false, true],
    ['unit_handler', false, true],
    ['leader', false, true],
    ['system_admin', false, true],
    ['security_admin', false, false],
    ['auditor', false, false],
  ] as const)('%s: manage %s, read %s', (role, manage, read) => {
    expect(canManageStations(who([role as Role]))).toBe(manage);
    expect(canReadStations(who([role as Role]))).toBe(read);
  });
});

describe('visits at a station', () => {
  it.each([
    ['the office', office, A, true],
    ['the office', office, B, true],
    ['its staff', staffA, A, true],
    ['another station’s staff', staffA, B, false],
    ['staff without a station', staffUnlinked, A, false],
    ['a member', member, A, false],
    ['a unit handler', who(['unit_handler']), A, false],
    ['a leader', who(['leader']), A, false],
  ] as const)('%s at %s: %s', (_name, actor, station, allowed) => {
    expect(canReadVisitsOf(actor, station)).toBe(allowed);
    expect(canRecordVisitAt(actor, station)).toBe(allowed);
    expect(canRevealVisitor(actor, station)).toBe(allowed);
    expect(canScheduleDutyAt(actor, station)).toBe(allowed);
  });
  it('lists visits for the office and linked staff only', () => {
    expect(canListVisits(office)).toBe(true);
    expect(canListVisits(staffA)).toBe(true);
    expect(canListVisits(staffUnlinked)).toBe(false);
    expect(canListVisits(member)).toBe(false);
    expect(isStaffOf(who(['member'], { stationId: A }), A)).toBe(false);
  });
});

describe('duty days', () => {
  it.each([
    ['the office', office, true],
    ['the station’s staff', staffA, true],
    ['the member on duty', member, true],
    ['another member', who(['member'], { memberId: 'm2' }), false],
    ['another station’s staff', who(['station_staff'], { stationId: B }), false],
    ['a leader', who(['leader']), false],
  ] as const)('%s reads the duty day: %s', (_name, actor, allowed) => {
    expect(canReadDutyDay(actor, { stationId: A, memberId: 'm1' })).toBe(allowed);
  });

  it.each([
    ['the office, anything', office, { stationId: B, memberId: 'm9' }, { stationId: B, memberId: 'm9' }],
    ['a member, nothing asked', member, {}, { memberId: 'm1' }],
    ['a member, their own', member, { memberId: 'm1' }, { memberId: 'm1' }],
    ['a member, another member', member, { memberId: 'm2' }, 'forbidden'],
    ['a member, one station', member, { stationId: A }, { stationId: A, memberId: 'm1' }],
    ['staff, nothing asked', staffA, {}, { stationId: A }],
    ['staff, their station', staffA, { stationId: A }, { stationId: A }],
    ['staff, another station', staffA, { stationId: B }, 'forbidden'],
    ['staff without a station', staffUnlinked, {}, 'forbidden'],
    ['a unit handler', who(['unit_handler']), {}, 'forbidden'],
  ] as const)('lists for %s', (_name, actor, asked, scope) => {
    expect(dutyDayListScope(actor, asked)).toEqual(scope);
  });
});
