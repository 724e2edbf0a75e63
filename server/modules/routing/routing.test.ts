import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../platform/jobs/jobs.tables.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { multipartUpload } from '../people/people.test-support.ts';
import {
  type AssignmentCommittee,
  createAssignmentCommittee,
  insertFiledProposal,
} from '../proposals/assignment.test-support.ts';
import { searchDocuments } from '../search/search.tables.ts';
import { routingHistory } from './routing.tables.ts';

// biome-ignore lint/suspicious/noExplicitAny: API responses are read loosely in assertions
type Json = Record<string, any>;

/** A few past items per category, worded differently, as a committee's history would be. */
const history = {
  transport: [
    ['关于优化城市公交线路的建议', '公交线路重复，换乘不便，建议重新规划公交线网。'],
    ['关于增加地铁末班车时间的建议', '地铁末班车太早，夜间出行困难。'],
    ['加快建设城市快速路', '主干道拥堵严重，交通通行效率低。'],
    ['关于规范出租车运营的提案', '出租车拒载、绕路，交通运输管理需要加强。'],
    ['关于完善公交站台设施的建议', '公交站台缺少遮雨棚和座椅。'],
  ],
  education: [
    ['关于增加中小学学位供给的建议', '新建小区学校不足，学位紧张，适龄儿童入学难。'],
    ['关于减轻中小学生课业负担的建议', '学生作业多，校外培训负担重。'],
    ['关于加强乡村教师队伍建设的提案', '乡村学校教师流失，待遇偏低。'],
    ['关于推进职业教育发展的建议', '职业学校专业设置与产业需求脱节。'],
    ['关于改善学校食堂管理的建议', '学校食堂饭菜质量差，学生家长反映强烈。'],
  ],
};

/** The history as CSV text with the English column names the eval files use (label for the category). */
function historyCsv(rows: [string, string, string, string][]): Buffer {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return Buffer.from(['title,body,label,unit', ...rows.map((row) => row.map(cell).join(','))].join('\n'), 'utf8');
}

describe('routing API: history import, training, category and unit suggestions', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let other: AssignmentCommittee;
  let transportCategory: string;
  let educationCategory: string;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(new Date('2026-07-01T02:00:00Z'));
    city = await createAssignmentCommittee(test.dependencies);
    other = await createAssignmentCommittee(test.dependencies);
    const orm = test.dependencies.database.orm;
    const [transport, education] = await orm
      .insert(dictionaryEntries)
      .values([
        { orgId: city.orgId, kind: 'proposal_category', code: 'T01', name: '交通运输' },
        { orgId: city.orgId, kind: 'proposal_category', code: 'J01', name: '教育文体' },
      ])
      .returning({ id: dictionaryEntries.id });
    transportCategory = transport.id;
    educationCategory = education.id;
  });
  afterAll(async () => test.close());

  const upload = (file: Buffer, headers: Record<string, string>, name = 'history.csv', type = 'text/csv') => {
    const body = multipartUpload(file, name, type);
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/routing/history/import',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const request = (method: 'GET' | 'POST', url: string, headers: Record<string, string>) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers, ...(method === 'POST' ? { payload: {} } : {}) });
  const historyRows = async (orgId: string) =>
    Number(
      (
        await test.dependencies.database.orm
          .select({ total: count() })
          .from(routingHistory)
          .where(eq(routingHistory.orgId, orgId))
      )[0].total,
    );

  const goodRows = (): [string, string, string, string][] => [
    ...history.transport.map(([title, body]) => [title, body, '交通运输', '市交通运输局'] as [string, string, string, string]),
    ...history.education.map(([title, body]) => [title, body, '教育文体', 'U4'] as [string, string, string, string]),
  ];

  it('checks the whole file first: every bad row is listed and nothing is written', async () => {
    const rows = goodRows();
    rows[1] = ['', '', '交通运输', '市交通运输局'];
    rows[3] = ['关于修路的建议', '', '不存在的类别', ''];
    rows[6] = ['关于学校的建议', '', '教育文体', '市教育局、市不存在局'];
    const response = await upload(historyCsv(rows), city.as('proposal_office'));
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('import_invalid');
    expect(problem.detail).toContain('未导入任何数据');
    expect(problem.errors.map((error: Json) => [error.row, error.column])).toEqual([
      [3, '标题'],
      [5, '类别'],
      [8, '承办单位'],
    ]);
    expect(problem.errors[1].message).toContain('不存在的类别');
    expect(await historyRows(city.orgId)).toBe(0);
  });

  it('refuses files without the needed columns, unreadable files, other types, and non-office users', async () => {
    const noColumns = await upload(Buffer.from('名称,备注\n甲,乙\n'), city.as('proposal_office'));
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().errors.map((error: Json) => error.column)).toEqual(['标题', '类别']);
    const badJson = await upload(Buffer.from('{"title": "甲"\n'), city.as('proposal_office'), 'h.jsonl');
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().detail).toContain('JSON');
    const exe = await upload(Buffer.from('MZ'), city.as('proposal_office'), 'tool.exe', 'application/octet-stream');
    expect(exe.statusCode).toBe(415);
    expect((await upload(historyCsv(goodRows()), city.as('lead'))).statusCode).toBe(403);
    expect((await request('GET', '/routing/status', city.as('reform'))).statusCode).toBe(403);
    expect(await historyRows(city.orgId)).toBe(0);
  });

  it('imports CSV with label and unit columns, indexes it for search, enqueues training, and never doubles a retry', async () => {
    const file = historyCsv(goodRows());
    const response = await upload(file, city.as('proposal_office'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: 10 });
    const { importId } = response.json();
    expect(await historyRows(city.orgId)).toBe(10);
    const orm = test.dependencies.database.orm;
    const indexed = await orm
      .select({ total: count() })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.orgId, city.orgId), eq(searchDocuments.itemType, 'history')));
    expect(Number(indexed[0].total)).toBe(10);
    const queued = await orm
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `routing-train:${importId}`));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ type: 'routing.train', orgId: city.orgId });
    const again = await upload(file, city.as('proposal_office'));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_imported');
    expect(await historyRows(city.orgId)).toBe(10);
    const search = await request('GET', `/search?q=${encodeURIComponent('地铁末班车')}&type=history`, city.as('proposal_office'));
    expect(search.statusCode).toBe(200);
    expect(search.json().items.map((item: Json) => item.title)).toContain('关于增加地铁末班车时间的建议');
    // Another committee sees none of it.
    const foreign = await request('GET', `/search?q=${encodeURIComponent('地铁末班车')}`, other.as('proposal_office'));
    expect(foreign.json().items).toEqual([]);
  });

  it('imports the Excel template’s columns too, resolving several units by name, short name or code', async () => {
    const template = await request('GET', '/routing/history/template.xlsx', city.as('proposal_office'));
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '标题', '正文', '类别', '承办单位', '日期']);
    sheet.spliceRows(2, 1);
    sheet.addRow(['关于新建城市停车场的建议', '停车难问题突出。', 'T01', '市交通运输局、U2', '2024/3/15 9:30']);
    const response = await upload(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      city.as('proposal_office'),
      'history.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.statusCode).toBe(200);
    const [row] = await test.dependencies.database.orm
      .select()
      .from(routingHistory)
      .where(and(eq(routingHistory.orgId, city.orgId), eq(routingHistory.title, '关于新建城市停车场的建议')));
    expect(row.categoryId).toBe(transportCategory);
    expect(row.unitIds).toEqual([city.unitIds.transport, city.unitIds.housing]);
    // The date is the committee's local time (Asia/Shanghai), and search dates the item by it.
    expect(new Date(row.occurredAt as string).toISOString()).toBe('2024-03-15T01:30:00.000Z');
    const [document] = await test.dependencies.database.orm
      .select({ occurredAt: searchDocuments.occurredAt })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.orgId, city.orgId), eq(searchDocuments.id, row.id)));
    expect(new Date(document.occurredAt).toISOString()).toBe('2024-03-15T01:30:00.000Z');
  });

  it('has no suggestions before training, then suggests the category and units learned from the history', async () => {
    const current = await insertFiledProposal(test.dependencies, city, {
      title: '关于延长公交和地铁夜间运营时间的建议',
      categoryId: null,
    });
    const before = await request('GET', `/proposals/${current.id}/category-suggestions`, city.as('proposal_office'));
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ items: [], model: null });

    const trained = await request('POST', '/routing/train', city.as('proposal_office'));
    expect(trained.statusCode).toBe(200);
    expect(trained.json().historyCount).toBe(11);
    expect(trained.json().models).toEqual([
      expect.objectContaining({ target: 'category', labelCount: 2 }),
      expect.objectContaining({ target: 'unit', labelCount: 3 }),
    ]);

    const categories = await request('GET', `/proposals/${current.id}/category-suggestions`, city.as('proposal_office'));
    expect(categories.statusCode).toBe(200);
    const body = categories.json();
    expect(body.model).toMatchObject({ exampleCount: expect.any(Number) });
    expect(body.items[0]).toMatchObject({ categoryId: transportCategory, categoryName: '交通运输' });
    expect(body.items[0].score).toBeGreaterThan(body.items[1].score);
    expect(body.items[1].categoryId).toBe(educationCategory);

    const school = await insertFiledProposal(test.dependencies, city, {
      title: '关于解决小学学位紧张问题的建议',
      categoryId: null,
    });
    const schoolCategories = await request('GET', `/proposals/${school.id}/category-suggestions`, city.as('proposal_office'));
    expect(schoolCategories.json().items[0].categoryId).toBe(educationCategory);

    const units = await request('GET', `/proposals/${current.id}/unit-suggestions`, city.as('proposal_office'));
    expect(units.statusCode).toBe(200);
    const first = units.json().items[0];
    expect(first).toMatchObject({ unitId: city.unitIds.transport, unitName: '市交通运输局' });
    expect(first.sources).toContain('model');

    // Only the office sees suggestions; another committee's office gets a 404 for this proposal.
    expect((await request('GET', `/proposals/${current.id}/category-suggestions`, city.as('lead'))).statusCode).toBe(403);
    expect((await request('GET', `/proposals/${current.id}/category-suggestions`, other.as('proposal_office'))).statusCode).toBe(
      404,
    );
    const otherStatus = await request('GET', '/routing/status', other.as('proposal_office'));
    expect(otherStatus.json()).toEqual({ historyCount: 0, models: [] });
  });

  it('runs the training job an import enqueued, and a retired category is no longer suggested', async () => {
    const orm = test.dependencies.database.orm;
    await orm
      .update(dictionaryEntries)
      .set({ active: false })
      .where(and(eq(dictionaryEntries.orgId, city.orgId), eq(dictionaryEntries.id, transportCategory)));
    const { routingJobs } = await import('./routing.jobs.ts');
    await routingJobs['routing.train'](
      { id: 'job', orgId: city.orgId, type: 'routing.train', payload: {}, attempts: 1 },
      test.dependencies,
    );
    const current = await insertFiledProposal(test.dependencies, city, { title: '关于优化公交线路的建议', categoryId: null });
    const response = await request('GET', `/proposals/${current.id}/category-suggestions`, city.as('proposal_office'));
    expect(response.json().items.map((item: Json) => item.categoryId)).toEqual([educationCategory]);
  });

  it('enqueues one nightly training per committee with history, however often the scan runs', async () => {
    const { routingSchedules } = await import('./routing.jobs.ts');
    const [nightly] = routingSchedules;
    await nightly.run(test.dependencies);
    await nightly.run(test.dependencies);
    const key = `routing-train:${city.orgId}:2026-07-01`;
    const queued = await test.dependencies.database.orm.select().from(jobs).where(eq(jobs.dedupeKey, key));
    expect(queued).toHaveLength(1);
  });

  it('rebuilds the search documents of imported history (npm run search:reindex)', async () => {
    const orm = test.dependencies.database.orm;
    const where = and(eq(searchDocuments.orgId, city.orgId), eq(searchDocuments.itemType, 'history'));
    await orm.delete(searchDocuments).where(where);
    const { reindexHistory } = await import('./routing.search.ts');
    expect(await reindexHistory(orm, city.orgId, 4)).toBe(await historyRows(city.orgId));
    expect(Number((await orm.select({ total: count() }).from(searchDocuments).where(where))[0].total)).toBe(11);
  });
});
