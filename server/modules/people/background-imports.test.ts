import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberImportColumns, unitImportColumns } from '../../../contracts/people.ts';
import { peakGrowth, streamedWorkbook, xlsxBomb } from '../../platform/files/xlsx-files.test-support.ts';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { createTenantWithUsers, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { peopleJobs } from './people.imports.ts';
import { createMemberDictionaries, idNumber, multipartUpload, xlsxOf } from './people.test-support.ts';

// biome-ignore lint/suspicious/noExplicitAny: API responses are read loosely in assertions
type Json = Record<string, any>;

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const MB = 1024 * 1024;

/** A valid member row in the template's columns: unique ID numbers and mobiles by index. */
function memberRow(index: number, extra: Partial<Record<(typeof memberImportColumns)[number], string>> = {}) {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(index / 900) * 86_400_000).toISOString().slice(0, 10);
  const cells: Record<string, string | number> = {
    姓名: `导入委员${index}`,
    性别: index % 2 ? '男' : '女',
    出生年份: Number(birth.slice(0, 4)),
    民族: '汉族',
    界别: '经济界',
    工作单位及职务: `某市第${index}中学 教师`,
    是否常委: '否',
    身份证号: idNumber(birth.replaceAll('-', ''), (index % 900) + 1),
    手机号: `139${String(index).padStart(8, '0')}`,
    ...extra,
  };
  return memberImportColumns.map((column) => cells[column] ?? '');
}

describe('Excel imports cannot freeze the server', () => {
  let test: TestApp;
  let tenant: Awaited<ReturnType<typeof createTenantWithUsers>>;
  let millionRows: Buffer;
  let twoHundredThousandRows: Buffer;
  const office = () => tenant.people.proposal_office.headers;
  const upload = (url: string, file: Buffer, headers: Record<string, string>, name = 'roster.xlsx') => {
    const body = multipartUpload(file, name);
    return test.app.inject({ method: 'POST', url, headers: { ...headers, ...body.headers }, payload: body.payload });
  };
  const runOf = (id: string, headers = office()) => test.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers });
  const memberCount = async () =>
    Number(
      (
        await test.dependencies.database.pool.query('select count(*)::int as n from members where org_id = $1', [
          tenant.organization.id,
        ])
      ).rows[0].n,
    );
  const runJobs = () => runDueJobs(test.dependencies, peopleJobs, { workerId: 'test-worker', limit: 5 });

  /** Asks for the health check one request after another while `work` runs; returns each answer's time in ms. */
  async function healthDuring(work: () => Promise<unknown>): Promise<number[]> {
    const times: number[] = [];
    let running = true;
    const probing = (async () => {
      while (running) {
        const started = performance.now();
        const response = await test.app.inject({ method: 'GET', url: '/api/health' });
        expect(response.statusCode).toBe(200);
        times.push(performance.now() - started);
        await pause(20);
      }
    })();
    try {
      await work();
    } finally {
      running = false;
      await probing;
    }
    return times;
  }

  beforeAll(async () => {
    test = await createTestApp();
    tenant = await createTenantWithUsers(test.dependencies, ['proposal_office', 'member']);
    await createMemberDictionaries(test.dependencies, tenant.organization.id);
    // A million rows that Excel would store as blank rows with a height: 2.5 MB on disk, 62 MB unpacked.
    millionRows = await streamedWorkbook(memberImportColumns, 1_000_000, () => null);
    // 200,000 filled rows: 3.5 MB on disk, 44 MB unpacked — under the unpacked limit, far over the row limit.
    twoHundredThousandRows = await streamedWorkbook(memberImportColumns, 200_000, (index) => [
      `张${index}`,
      '女',
      1970,
      '',
      '经济界',
    ]);
  }, 240_000);
  afterAll(async () => test.close());

  it('refuses a roster of a million rows (2.5 MB) at once with a Chinese 413, memory bounded (it took 45 s and 3 GB)', async () => {
    expect(millionRows.length).toBeLessThan(3 * MB);
    let response: Awaited<ReturnType<typeof upload>> | undefined;
    const started = performance.now();
    const growth = await peakGrowth(async () => {
      response = await upload('/api/v1/members/import', millionRows, office());
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(growth).toBeLessThan(100);
    expect(response?.statusCode).toBe(413);
    expect(response?.headers['content-type']).toContain('application/problem+json');
    expect(response?.json()).toMatchObject({ code: 'file_too_large_uncompressed' });
    expect(response?.json().detail).toContain('解压后约 62 MB，超过 50 MB 的上限');
  });

  it('refuses a zip bomb upload (200 KB unpacking to 200 MB) with a Chinese 413 before unpacking anything', async () => {
    const bomb = xlsxBomb(200);
    const response = await upload('/api/v1/units/import', bomb, office());
    expect(response.statusCode).toBe(413);
    expect(response.json().detail).toContain('Excel 文件解压后约 200 MB');
    const liar = await upload('/api/v1/members/import', xlsxBomb(200, 100 * 1024), office());
    expect(liar.statusCode).toBe(400);
    expect(liar.json().detail).toContain('文件已损坏');
  });

  it('reads a 200,000-row roster in the background only up to the row limit, the health check answering within 200 ms', async () => {
    const before = await memberCount();
    const response = await upload('/api/v1/members/import', twoHundredThousandRows, office(), '大名单.xlsx');
    expect(response.statusCode, response.body).toBe(202);
    const run: Json = response.json();
    expect(run).toMatchObject({ kind: 'members', fileName: '大名单.xlsx', state: 'queued', percent: 0 });

    const started = performance.now();
    let growth = 0;
    const health = await healthDuring(async () => {
      growth = await peakGrowth(() => runJobs());
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(growth).toBeLessThan(150);
    expect(health.length).toBeGreaterThan(3);
    const sorted = [...health].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(200);
    expect(sorted.at(-1)).toBeLessThan(1_000);

    const ended: Json = (await runOf(run.id)).json();
    expect(ended).toMatchObject({ state: 'failed', imported: 0 });
    expect(ended.detail).toBe('一次最多导入 5000 行，请分成多个文件');
    expect(await memberCount()).toBe(before);
  });

  it('stops at the committee’s row limit (the setting 导入行数上限), in the request for a small file', async () => {
    const orm = test.dependencies.database.orm;
    await orm
      .update(organizations)
      .set({
        settings: sql`jsonb_set(settings, '{proposals}', coalesce(settings->'proposals', '{}') || '{"importMaxRows": 100}')`,
      })
      .where(eq(organizations.id, tenant.organization.id));
    try {
      const file = await xlsxOf(
        [...memberImportColumns],
        Array.from({ length: 101 }, (_, index) => memberRow(index)),
      );
      const response = await upload('/api/v1/members/import', file, office());
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'too_many_rows', detail: '一次最多导入 100 行，请分成多个文件' });
      const exactly = await xlsxOf(
        [...memberImportColumns],
        Array.from({ length: 100 }, (_, index) => memberRow(index)),
      );
      const accepted = await upload('/api/v1/members/import', exactly, office());
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toEqual({ imported: 100 });
    } finally {
      await orm
        .update(organizations)
        .set({ settings: sql`settings #- '{proposals,importMaxRows}'` })
        .where(eq(organizations.id, tenant.organization.id));
    }
  });

  it('runs a large roster as a job: 202, then progress and result for the uploader alone, written once', async () => {
    const rows = 3_000;
    const file = await streamedWorkbook(memberImportColumns, rows, (index) => memberRow(10_000 + index));
    const before = await memberCount();
    const response = await upload('/api/v1/members/import', file, office(), '新一届委员.xlsx');
    expect(response.statusCode, response.body).toBe(202);
    const run: Json = response.json();
    const queued: Json = (await runOf(run.id)).json();
    expect(queued).toMatchObject({ id: run.id, state: 'queued', phase: null, imported: 0, errors: [], detail: null });

    // Nobody else follows it: another user of the committee, a member, another committee.
    const colleague = await createUser(test.dependencies, { orgId: tenant.organization.id, roles: ['proposal_office'] });
    expect((await runOf(run.id, await signIn(test.dependencies, colleague))).statusCode).toBe(404);
    expect((await runOf(run.id, tenant.people.member.headers)).statusCode).toBe(404);
    const outsider = await createTenantWithUsers(test.dependencies, ['proposal_office']);
    expect((await runOf(run.id, outsider.people.proposal_office.headers)).statusCode).toBe(404);

    const seen: Json[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        seen.push((await runOf(run.id)).json());
        await pause(25);
      }
    })();
    expect(await runJobs()).toMatchObject({ done: 1 });
    watching = false;
    await watcher;
    const done: Json = (await runOf(run.id)).json();
    expect(done).toMatchObject({ state: 'done', percent: 100, imported: rows, errorCount: 0, detail: null });
    expect(done.finishedAt).not.toBeNull();
    expect(seen.some((state) => state.state === 'running')).toBe(true);
    const percents = seen.map((state) => state.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(await memberCount()).toBe(before + rows);

    // The events: the upload, then the import (as the uploader, from the upload's address); the file is gone.
    const events = await test.dependencies.database.pool.query(
      `select type, actor_id from events where org_id = $1 and type in ('import.queued', 'member.imported') order by sequence`,
      [tenant.organization.id],
    );
    expect(events.rows.slice(-2).map((row) => row.type)).toEqual(['import.queued', 'member.imported']);
    expect(events.rows.at(-1).actor_id).toBe(tenant.people.proposal_office.id);
    expect(await runJobs()).toMatchObject({ claimed: 0 });
    expect(await memberCount()).toBe(before + rows);
  });

  it('fails a large roster with row errors in the background: the run lists them, nothing is written, one at a time', async () => {
    const rows = 3_000;
    const file = await streamedWorkbook(memberImportColumns, rows, (index) =>
      index === 7 ? memberRow(20_000 + index, { 界别: '不存在的界别' }) : memberRow(20_000 + index),
    );
    const before = await memberCount();
    const response = await upload('/api/v1/members/import', file, office());
    expect(response.statusCode).toBe(202);
    const second = await upload('/api/v1/members/import', file, office());
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('还在导入中');
    await runJobs();
    const failed: Json = (await runOf(response.json().id)).json();
    expect(failed).toMatchObject({ state: 'failed', imported: 0, errorCount: 1 });
    expect(failed.errors).toEqual([{ row: 9, column: '界别', field: '第 9 行「界别」', message: '找不到界别“不存在的界别”' }]);
    expect(failed.detail).toContain('导入文件有 1 处错误，未导入任何数据');
    expect(await memberCount()).toBe(before);
    const events = await test.dependencies.database.pool.query(
      `select result from events where org_id = $1 and type = 'import.failed' and subject_id = $2`,
      [tenant.organization.id, response.json().id],
    );
    expect(events.rows).toEqual([{ result: 'failure' }]);
  });

  it('runs a background import with the uploader’s rights at the time it runs: a right taken away stops it', async () => {
    const uploader = await createUser(test.dependencies, { orgId: tenant.organization.id, roles: ['proposal_office'] });
    const headers = await signIn(test.dependencies, uploader);
    const file = await streamedWorkbook(memberImportColumns, 3_000, (index) => memberRow(30_000 + index));
    const response = await upload('/api/v1/members/import', file, headers);
    expect(response.statusCode).toBe(202);
    await test.dependencies.database.pool.query('delete from user_roles where org_id = $1 and user_id = $2', [
      tenant.organization.id,
      uploader.id,
    ]);
    const before = await memberCount();
    await runJobs();
    expect((await runOf(response.json().id, headers)).json()).toMatchObject({ state: 'failed', detail: '您无权导入委员' });
    expect(await memberCount()).toBe(before);
  });

  it('imports a large unit list in the background too', async () => {
    const rows = 4_000;
    const file = await streamedWorkbook(unitImportColumns, rows, (index) => [
      `BIG-${index}`,
      `后台导入单位${index}`,
      '',
      '',
      '政府部门',
      `联系人${index}`,
      '0571-87654321',
      `某市某区某路 ${index} 号`,
    ]);
    const response = await upload('/api/v1/units/import', file, office());
    expect(response.statusCode, response.body).toBe(202);
    await runJobs();
    expect((await runOf(response.json().id)).json()).toMatchObject({ kind: 'units', state: 'done', imported: rows });
  });
});
