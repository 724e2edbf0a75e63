import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { peakGrowth } from '../../platform/files/xlsx-files.test-support.ts';
import { inlineImport } from '../../platform/imports/import-job.ts';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { dictionaryEntries, organizations } from '../orgs/orgs.tables.ts';
import { multipartUpload } from '../people/people.test-support.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { searchDocuments } from '../search/search.tables.ts';
import { importHistory } from './actions/import-history.ts';
import { HISTORY_IMPORT_JOB, historyImportJob } from './routing.imports.ts';
import { routingHistory } from './routing.tables.ts';

// biome-ignore lint/suspicious/noExplicitAny: API responses are read loosely in assertions
type Json = Record<string, any>;

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const BODY = '公交线路重复，换乘不便，建议重新规划公交线网，增加夜间班次，完善站台设施。'.repeat(6);

/** A history CSV of `rows` items of the transport category (distinct by `tag`, so each file is a new import). */
function historyCsv(rows: number, tag: string): Buffer {
  const lines = ['title,body,label,unit'];
  for (let index = 0; index < rows; index += 1)
    lines.push(`关于优化公交线路的建议${tag}${index},${BODY}${index},交通运输,市交通运输局`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

describe('history imports in the background', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  const office = () => city.as('proposal_office');
  const upload = (file: Buffer, name = 'history.csv') => {
    const body = multipartUpload(file, name, 'text/csv');
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/routing/history/import',
      headers: { ...office(), ...body.headers },
      payload: body.payload,
    });
  };
  const runOf = async (id: string): Promise<Json> =>
    (await test.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: office() })).json();
  const runJobs = () => runDueJobs(test.dependencies, { [HISTORY_IMPORT_JOB]: historyImportJob }, { workerId: 'test-worker' });
  const itemsOf = async (importId?: string) => {
    const orm = test.dependencies.database.orm;
    const where = importId
      ? and(eq(routingHistory.orgId, city.orgId), eq(routingHistory.importId, importId))
      : eq(routingHistory.orgId, city.orgId);
    return Number((await orm.select({ total: count() }).from(routingHistory).where(where))[0].total);
  };

  beforeAll(async () => {
    test = await createTestApp();
    city = await createAssignmentCommittee(test.dependencies);
    await test.dependencies.database.orm
      .insert(dictionaryEntries)
      .values({ orgId: city.orgId, kind: 'proposal_category', code: 'T01', name: '交通运输' });
  });
  afterAll(async () => test.close());

  it('stops a history CSV of a million lines at the row limit, quickly and in bounded memory (it read all of them)', async () => {
    const lines = ['title,label', ...Array.from({ length: 1_000_000 }, (_, index) => `t${index},交通运输`)].join('\n');
    const response = await upload(Buffer.from(lines));
    expect(response.statusCode, response.body).toBe(202);
    const started = performance.now();
    const growth = await peakGrowth(() => runJobs());
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(growth).toBeLessThan(150);
    expect(await runOf(response.json().id)).toMatchObject({
      kind: 'routing_history',
      state: 'failed',
      detail: '一次最多导入 20000 条历史数据，请分成多个文件',
    });
    expect(await itemsOf()).toBe(0);
  });

  it('writes a large history in short transactions in the background: the health check answers meanwhile, the run shows progress', async () => {
    const rows = 3_000;
    const response = await upload(historyCsv(rows, '甲'), '历届提案.csv');
    expect(response.statusCode, response.body).toBe(202);
    const id = response.json().id;
    const health: number[] = [];
    const seen: Json[] = [];
    let running = true;
    const probe = (async () => {
      while (running) {
        const started = performance.now();
        expect((await test.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
        health.push(performance.now() - started);
        seen.push(await runOf(id));
        await pause(20);
      }
    })();
    expect(await runJobs()).toMatchObject({ done: 1 });
    running = false;
    await probe;
    const sorted = [...health].sort((a, b) => a - b);
    expect(sorted.length).toBeGreaterThan(5);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(200);
    expect(sorted.at(-1)).toBeLessThan(1_500);
    expect(seen.some((run) => run.state === 'running' && run.phase === 'writing' && run.percent > 80)).toBe(true);
    const done = await runOf(id);
    expect(done).toMatchObject({ state: 'done', imported: rows, rowsRead: rows, percent: 100, fileName: '历届提案.csv' });
    expect(await itemsOf()).toBe(rows);
    const indexed = await test.dependencies.database.orm
      .select({ total: count() })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.orgId, city.orgId), eq(searchDocuments.itemType, 'history')));
    expect(Number(indexed[0].total)).toBe(rows);
    // The same file again: refused at once, nothing queued.
    const again = await upload(historyCsv(rows, '甲'));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('已经导入过');
  });

  it('resumes an interrupted import when the same file comes again, never writing an item twice', async () => {
    const file = historyCsv(400, '乙');
    const actor = {
      userId: await officeUserId(),
      orgId: city.orgId,
      username: 'office',
      displayName: '提案委',
      roles: ['proposal_office'] as Role[],
      memberId: null,
      unitId: null,
      sessionId: '',
    };
    const context = { ip: null, requestId: null };
    // The first attempt dies after its second transaction of items.
    let batches = 0;
    const dying = {
      ...inlineImport,
      writing: async (fraction?: number) => {
        if (fraction !== undefined && ++batches === 2) throw new Error('进程中断');
      },
    };
    await expect(importHistory(test.dependencies, actor, file, context, dying)).rejects.toThrow('进程中断');
    const before = await itemsOf();
    const partial = before - 3_000;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(400);
    const resumed = await importHistory(test.dependencies, actor, file, context);
    expect(resumed.imported).toBe(400);
    expect(await itemsOf(resumed.importId)).toBe(400);
    const closing = await test.dependencies.database.pool.query(
      `select after->>'resumed' as resumed from events where org_id = $1 and type = 'routing.history_imported' and subject_id = $2`,
      [city.orgId, resumed.importId],
    );
    expect(closing.rows).toEqual([{ resumed: String(partial) }]);
    await expect(importHistory(test.dependencies, actor, file, context)).rejects.toMatchObject({ status: 409 });
  });

  it('holds a history file to the committee’s row limit (the setting 历史数据导入行数上限)', async () => {
    const orm = test.dependencies.database.orm;
    await orm
      .update(organizations)
      .set({
        settings: sql`jsonb_set(settings, '{proposals}', coalesce(settings->'proposals', '{}') || '{"historyImportMaxRows": 100}')`,
      })
      .where(eq(organizations.id, city.orgId));
    const response = await upload(historyCsv(101, '丙'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'too_many_rows', detail: '一次最多导入 100 条历史数据，请分成多个文件' });
    const template = await test.app.inject({ method: 'GET', url: '/api/v1/routing/history/template.xlsx', headers: office() });
    expect(template.statusCode).toBe(200);
  });

  /** The id of the committee's proposal office user. */
  async function officeUserId(): Promise<string> {
    const result = await test.dependencies.database.pool.query(
      `select u.id from users u join user_roles r on r.user_id = u.id and r.org_id = u.org_id
       where u.org_id = $1 and r.role = 'proposal_office' limit 1`,
      [city.orgId],
    );
    return result.rows[0].id;
  }
});
