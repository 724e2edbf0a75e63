import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/database.ts';
import { createDependencies } from '../../platform/dependencies.ts';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { contactBody, type Json, replyBody, requestAs, startHandling } from '../handling/handling.test-support.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { scanReminders, supervisionJobs } from './supervision.jobs.ts';

/** Wednesday 2026-07-01, 10:00 in Shanghai: a 3-month reply is due 2026-10-08 (after the National Day holiday). */
const DAY = new Date('2026-07-01T02:00:00Z');
const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('supervision API: the board, reminders and scheduled reminders', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;
  let soleReform: Json;
  let soleHousing: Json;
  let replied: Json;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    soleReform = (await startHandling(test, city, { mode: 'sole', units: ['reform'] })).assignments.reform;
    soleHousing = (await startHandling(test, city, { mode: 'sole', units: ['housing'] })).assignments.housing;
    // One replied at once by the reform bureau (contact, reply, sign-off).
    replied = (await startHandling(test, city, { mode: 'sole', units: ['reform'] })).assignments.reform;
    await request('POST', `/assignments/${replied.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft = (await request('POST', `/assignments/${replied.id}/replies`, 'reform', replyBody())).json();
    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, 'reform', {}, draft.version)).json();
    expect(
      (await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version)).statusCode,
    ).toBe(200);
  });
  afterAll(async () => test.close());

  const board = async (query = '', who = 'proposal_office') => {
    await city.signInAgain();
    const response = await request('GET', `/supervision/board${query}`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const lightOf = (page: Json, assignment: Json) => page.items.find((item: Json) => item.assignmentId === assignment.id)?.light;

  it('lights each assignment by the share of its time used and sorts the most urgent first', async () => {
    const start = await board();
    expect(start.counts).toEqual({ red: 0, yellow: 0, green: 2, done: 1, total: 3 });
    expect(lightOf(start, soleReform)).toBe('green');
    expect(lightOf(start, replied)).toBe('done');
    expect(start.items.at(-1).assignmentId).toBe(replied.id);

    // 2026-07-01 → 2026-10-08 is 99 days; 80% is used after 79.2 days, so 09-18 (day 79) is green, 09-19 yellow.
    test.setNow(at('2026-09-18'));
    expect(lightOf(await board(), soleReform)).toBe('green');
    test.setNow(at('2026-09-19'));
    const yellow = await board();
    expect(lightOf(yellow, soleReform)).toBe('yellow');
    expect(yellow.items.find((item: Json) => item.assignmentId === soleReform.id)).toMatchObject({
      daysLeft: 19,
      percentUsed: 80,
    });
    test.setNow(at('2026-10-09'));
    const red = await board();
    expect(red.counts).toMatchObject({ red: 2, done: 1 });
    expect(red.items.slice(0, 2).map((item: Json) => item.light)).toEqual(['red', 'red']);
    expect(red.items[0].daysLeft).toBe(-1);

    const housingOnly = await board(`?unitId=${city.unitIds.housing}`);
    expect(housingOnly.items.map((item: Json) => item.assignmentId)).toEqual([soleHousing.id]);
    const doneOnly = await board('?light=done');
    expect(doneOnly.items.map((item: Json) => item.assignmentId)).toEqual([replied.id]);
    expect((await board('', 'supervisor')).counts.total).toBe(3);
    expect((await request('GET', '/supervision/board', 'reform')).statusCode).toBe(403);
    expect((await request('GET', '/supervision/board?light=blue', 'proposal_office')).statusCode).toBe(400);
    test.setNow(DAY);
    await city.signInAgain();
  });

  it('sends a reminder to the unit in one click; not to a unit that has replied, not by the unit itself', async () => {
    const sent = await request('POST', `/assignments/${soleHousing.id}/reminders`, 'proposal_office', {});
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ kind: 'manual', unitName: '市住房和城乡建设局' });
    expect(sent.json().message).toContain('2026-10-08');
    const notices = await test.dependencies.database.pool.query<{ title: string }>(
      `select n.title from notifications n join users u on u.org_id = n.org_id and u.id = n.user_id
       where n.subject_id = $1 and u.unit_id = $2`,
      [soleHousing.id, city.unitIds.housing],
    );
    expect(notices.rows.map((row) => row.title)).toContain(`催办：${soleHousing.proposalTitle}`);
    expect((await request('POST', `/assignments/${replied.id}/reminders`, 'proposal_office', {})).json().code).toBe(
      'already_replied',
    );
    expect((await request('POST', `/assignments/${soleHousing.id}/reminders`, 'housing', {})).statusCode).toBe(403);
    const listed = (await request('GET', `/assignments/${soleHousing.id}/reminders`, 'housing')).json().items;
    expect(listed).toHaveLength(1);
    expect((await board()).items.find((item: Json) => item.assignmentId === soleHousing.id).reminderCount).toBe(1);
  });

  it('reminds once per rule and due date, even when two app processes scan at the same moment', async () => {
    test.setNow(at('2026-10-01')); // 7 days before 2026-10-08: due_soon for both unreplied assignments
    const url = test.dependencies.database.connection.connectionString;
    const secondDatabase = url ? await openDatabase({ databaseUrl: url, poolSize: 5 }) : test.dependencies.database;
    const second = createDependencies(test.dependencies.config, secondDatabase, () => at('2026-10-01'));
    try {
      const [first, other] = await Promise.all([scanReminders(test.dependencies), scanReminders(second)]);
      expect(first + other).toBe(2);
      expect(await scanReminders(test.dependencies)).toBe(0);
      await Promise.all([
        runDueJobs(test.dependencies, supervisionJobs, { workerId: 'a' }),
        runDueJobs(second, supervisionJobs, { workerId: 'b' }),
      ]);
      const rows = await test.dependencies.database.pool.query<{ assignment_id: string; rule: string }>(
        `select assignment_id, rule from reminders where kind = 'scheduled' order by assignment_id`,
      );
      expect(rows.rows.map((row) => [row.assignment_id, row.rule]).sort()).toEqual(
        [
          [soleReform.id, 'due_soon'],
          [soleHousing.id, 'due_soon'],
        ].sort(),
      );
      // After the due date the overdue rule fires once; the replied assignment is never reminded.
      test.setNow(at('2026-10-09'));
      expect(await scanReminders(test.dependencies)).toBe(2);
      expect(await scanReminders(second)).toBe(0);
    } finally {
      if (secondDatabase !== test.dependencies.database) await secondDatabase.close();
      test.setNow(DAY);
    }
  });
});
