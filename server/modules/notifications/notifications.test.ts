import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { createOrganization, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { members, units, users } from '../people/people.tables.ts';
import { notificationJobs } from './notifications.jobs.ts';
import { notify } from './notify.ts';

describe('notifications: in-app centre and the SMS channel', () => {
  const logFile = join(mkdtempSync(join(tmpdir(), 'cppcc-notify-')), 'notifications.log');
  let test: TestApp;
  let orgId: string;
  let memberId: string;
  let unitId: string;
  const headers: Record<string, Record<string, string>> = {};
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestApp({ notifyLogFile: logFile });
    const deps = test.dependencies;
    orgId = (await createOrganization(deps)).id;
    const other = (await createOrganization(deps)).id;
    [{ id: memberId }] = await deps.database.orm.insert(members).values({ orgId, name: '张委员' }).returning();
    [{ id: unitId }] = await deps.database.orm.insert(units).values({ orgId, code: 'U01', name: '市住建局' }).returning();
    const accounts = {
      member: await createUser(deps, { orgId, roles: ['member'], memberId }),
      handler: await createUser(deps, { orgId, roles: ['unit_handler'], unitId }),
      office: await createUser(deps, { orgId, roles: ['proposal_office'] }),
      stranger: await createUser(deps, { orgId: other, roles: ['proposal_office'] }),
    };
    for (const [who, account] of Object.entries(accounts)) {
      userIds[who] = account.id;
      headers[who] = await signIn(deps, account);
    }
    await deps.database.orm
      .update(users)
      .set({ mobileEncrypted: deps.cipher.encrypt('13812345678') })
      .where(eq(users.id, accounts.member.id));
  });
  afterAll(async () => test.close());

  const get = (who: string, url: string) => test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: headers[who] });
  const post = (who: string, url: string) => test.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: headers[who] });

  it('notifies members and units through their user accounts, in the caller’s transaction', async () => {
    const count = await test.dependencies.database.orm.transaction(async (tx) =>
      notify(
        tx,
        orgId,
        { memberIds: [memberId], unitIds: [unitId] },
        {
          title: '提案已立案（第0001号）',
          body: '您的提案已立案。',
          subjectType: 'proposal',
          link: '/proposals/x',
        },
      ),
    );
    expect(count).toBe(2);
    for (const who of ['member', 'handler']) {
      const page = (await get(who, '/notifications')).json();
      expect(page.unreadCount).toBe(1);
      expect(page.items[0]).toMatchObject({ title: '提案已立案（第0001号）', link: '/proposals/x', readAt: null });
    }
    expect((await get('office', '/notifications')).json()).toMatchObject({ items: [], unreadCount: 0 });
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      test.dependencies.database.orm.transaction(async (tx) => {
        await notify(tx, orgId, { userIds: [userIds.office] }, { title: '不应出现', body: '' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await get('office', '/notifications')).json().items).toEqual([]);
  });

  it('marks one read, refuses another user’s notice, and marks all read', async () => {
    const [item] = (await get('member', '/notifications')).json().items;
    expect((await post('stranger', `/notifications/${item.id}/read`)).statusCode).toBe(404);
    expect((await post('handler', `/notifications/${item.id}/read`)).statusCode).toBe(404);
    const read = await post('member', `/notifications/${item.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await get('member', '/notifications?unread=true')).json()).toMatchObject({ items: [], unreadCount: 0 });
    const all = await post('handler', '/notifications/read-all');
    expect(all.json()).toEqual({ updated: 1 });
    expect((await post('handler', '/notifications/read-all')).json()).toEqual({ updated: 0 });
  });

  it('sends the SMS copy through the log channel with the number masked', async () => {
    const summary = await runDueJobs(test.dependencies, notificationJobs, { workerId: 'test' });
    expect(summary.done).toBeGreaterThanOrEqual(1);
    const lines = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: 'sms', userId: userIds.member, title: '提案已立案（第0001号）' });
    expect(lines[0].address).not.toContain('13812345678');
    expect(lines[0].address).toMatch(/^138\*+5678$/);
  });

  it('answers bad input with a Chinese 4xx', async () => {
    const response = await post('member', '/notifications/not-an-id/read');
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/[\u4e00-\u9fa5]/);
    expect((await get('member', '/notifications?unread=maybe')).statusCode).toBe(400);
  });
});
