import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { newId } from '../../platform/db/columns.ts';
import { Problem } from '../../platform/http/problem.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import { raiseOnBehalf } from './actions/raise-on-behalf.ts';
import { createMicroCommittee, MICRO_TODAY, type MicroCommittee, noticesAbout, send } from './micro-suggestions.test-support.ts';

describe('raiseOnBehalf: station staff raise a micro-suggestion for the members present', () => {
  let test: TestApp;
  let city: MicroCommittee;
  let staff: Actor;
  const stationId = newId();
  const context = { ip: null, requestId: 'test' };

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
    const user = await createUser(test.dependencies, {
      orgId: city.orgId,
      roles: ['station_staff'],
      displayName: '联络站值班员',
    });
    staff = {
      userId: user.id,
      orgId: city.orgId,
      username: user.username,
      displayName: '联络站值班员',
      roles: ['station_staff'],
      memberId: null,
      unitId: null,
      stationId,
      sessionId: 'test',
    };
  });
  afterAll(async () => test.close());

  const input = (extra: Record<string, unknown> = {}) => ({
    memberIds: [city.memberIds.co1, city.memberIds.lead],
    title: '群众反映：菜场门口积水',
    place: '城关街道菜场路',
    problem: '菜场门口路面低洼，雨后积水，群众进出不便。',
    suggestion: '请有关部门抬高路面或增设排水口。',
    source: { kind: 'station_visit' as const, stationId, visitId: newId() },
    ...extra,
  });

  /** Runs it in its own transaction, as the stations module does inside its own. */
  const raise = (value: ReturnType<typeof input>) =>
    test.dependencies.database.orm.transaction((tx) => raiseOnBehalf(tx, test.dependencies, staff, value, context));

  it('creates a SUBMITTED micro-suggestion of the members present, the first the lead, with its event and notices', async () => {
    const { id } = await raise(input());
    const view = await send(test, 'GET', `/micro-suggestions/${id}`, city.as('co1'));
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      state: 'submitted',
      leadMemberId: city.memberIds.co1,
      raisers: [
        { memberId: city.memberIds.co1, lead: true },
        { memberId: city.memberIds.lead, lead: false },
      ],
      source: { kind: 'station_visit', stationId },
    });
    expect(view.json().number).toMatch(/^2026-\d{4}$/);
    expect((await send(test, 'GET', `/micro-suggestions/${id}`, city.as('lead'))).statusCode).toBe(200);
    const queue = await send(test, 'GET', '/micro-suggestions?queue=review', city.as('proposal_office'));
    expect(queue.json().items.map((row: { id: string }) => row.id)).toContain(id);
    const events = await eventsOf(test.dependencies, city.orgId, 'micro_suggestion.raised_on_behalf');
    expect(events.find((event) => event.subject_id === id)?.actor_id).toBe(staff.userId);
    expect((await noticesAbout(test, city.orgId, id)).length).toBe(2);
  });

  it('lets the station staff read and list what their station raised, and nobody else’s', async () => {
    const { id } = await raise(input({ title: '联络站代提：路口信号灯配时不合理' }));
    const colleague = await createUser(test.dependencies, { orgId: city.orgId, roles: ['station_staff'] });
    await test.dependencies.database.pool.query('update users set station_id = $1 where id = $2', [stationId, colleague.id]);
    const elsewhere = await createUser(test.dependencies, { orgId: city.orgId, roles: ['station_staff'] });
    await test.dependencies.database.pool.query('update users set station_id = $1 where id = $2', [newId(), elsewhere.id]);
    const mine = await signIn(test.dependencies, colleague);
    expect((await send(test, 'GET', `/micro-suggestions/${id}`, mine)).statusCode).toBe(200);
    const list = await send(test, 'GET', '/micro-suggestions', mine);
    expect(list.json().items.map((row: { id: string }) => row.id)).toContain(id);
    const other = await signIn(test.dependencies, elsewhere);
    expect((await send(test, 'GET', `/micro-suggestions/${id}`, other)).statusCode).toBe(404);
    expect((await send(test, 'GET', '/micro-suggestions', other)).json().items).toEqual([]);
  });

  it('rolls back with the caller: nothing is left when the caller’s transaction fails', async () => {
    const visitId = newId();
    await expect(
      test.dependencies.database.orm.transaction(async (tx) => {
        await raiseOnBehalf(
          tx,
          test.dependencies,
          staff,
          input({ source: { kind: 'station_visit', stationId, visitId } }),
          context,
        );
        throw new Error('the visit could not be updated');
      }),
    ).rejects.toThrow('the visit could not be updated');
    const rows = await test.dependencies.database.pool.query('select id from micro_suggestions where visit_id = $1', [visitId]);
    expect(rows.rows).toHaveLength(0);
  });

  it.each([
    ['no members', { memberIds: [] }, 400],
    ['an empty problem', { problem: '  ' }, 400],
    ['a member of no committee', { memberIds: [newId()] }, 422],
    ['a text over the limit', { problem: '问'.repeat(400), suggestion: '建'.repeat(101) }, 422],
  ])('refuses %s', async (_name, extra, status) => {
    const error = await raise(input(extra)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).status).toBe(status);
    expect((error as Problem).detail).toMatch(/[\u4e00-\u9fff]/);
  });
});
