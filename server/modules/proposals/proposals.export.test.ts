import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import { cellText } from '../people/people.excel.ts';
import { proposalExportColumns } from './proposals.export.ts';
import { seedProposalRecords } from './proposals.records.test-support.ts';
import { reindexProposals } from './proposals.search.ts';
import { call, TODAY } from './proposals.test-support.ts';

/** The rows of the first sheet of an .xlsx, as text, header first. */
async function readRows(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(proposalExportColumns.map((_column, index) => cellText(row.getCell(index + 1).value)));
  });
  return rows;
}

describe('proposals API: Excel export', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof seedProposalRecords>>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await seedProposalRecords(test.dependencies);
    // The records are inserted directly, not through the actions: index them as the backfill would.
    await reindexProposals(test.dependencies.database.orm, city.orgId);
  });
  afterAll(async () => test.close());

  it('exports the filtered proposals with names, times in the committee time zone and the handling units', async () => {
    const response = await call(test, 'GET', '/proposals/export?state=assigned&sort=number', city.as('proposal_office'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('提案列表.xlsx')}`,
    );
    const rows = await readRows(response.rawPayload);
    expect(rows[0]).toEqual([...proposalExportColumns]);
    const byTitle = new Map(rows.slice(1).map((row) => [row[1], row]));
    expect(rows).toHaveLength(3);
    expect(byTitle.get('关于保障性住房建设的建议')).toEqual([
      '0001',
      '关于保障性住房建设的建议',
      '李委员',
      '',
      '十届五次会议',
      '大会',
      '已交办',
      '2026-01-01 09:00',
      '2026-01-07 09:00',
      '市住房和城乡建设局（主办）、市财政局（会办）',
    ]);
    // Only live assignments: the unit replaced after an adjustment is not listed.
    expect(byTitle.get('关于河道治理的建议')?.[9]).toBe('市财政局（单办）');
    expect(byTitle.get('关于河道治理的建议')?.[4]).toBe('十届四次会议');
  });

  it('exports every matching row (no paging), with collective authors, categories and kinds', async () => {
    const all = await readRows((await call(test, 'GET', '/proposals/export', city.as('proposal_office'))).rawPayload);
    const visible = Object.values(city.rows).filter(
      (row) => row.authorType === 'collective' || !['draft', 'co_signing'].includes(row.state),
    );
    expect(all).toHaveLength(visible.length + 1);
    const collective = all.find((row) => row[1] === '关于促进民营经济发展的建议');
    expect(collective?.[2]).toBe('民盟市委会');
    const interim = all.find((row) => row[1] === '关于优化公交线路的建议');
    expect(interim?.[5]).toBe('平时');
    const categorised = all.find((row) => row[1] === '关于老城区加装电梯的建议');
    expect(categorised?.slice(3, 4)).toEqual(['经济建设']);
    expect(categorised?.[8]).toBe('');
  });

  it('exports only what the actor may read, and records who exported how many', async () => {
    const unitRows = await readRows((await call(test, 'GET', '/proposals/export?q=投入', city.as('unitA'))).rawPayload);
    expect(
      unitRows
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(['关于保障性住房建设的建议', '关于河道治理的建议'].sort());
    const memberRows = await readRows((await call(test, 'GET', '/proposals/export?mine=true', city.as('lead'))).rawPayload);
    expect(memberRows).toHaveLength(5);
    const events = await eventsOf(test.dependencies, city.orgId, 'proposal.exported');
    expect(events.length).toBeGreaterThanOrEqual(4);
    const last = events[events.length - 1];
    expect(last.summary).toBe('导出提案列表 4 条');
    expect(last.after).toEqual({ count: 4, filter: { mine: 'true' } });
    expect(last.actor_id).toBe(city.userIds.lead);
  });

  it('refuses bad filters with a 400 and never takes "export" for a proposal id', async () => {
    for (const query of ['state=unknown', 'sort=random', 'unitId=abc', `q=${'长'.repeat(101)}`]) {
      const response = await call(test, 'GET', `/proposals/export?${query}`, city.as('proposal_office'));
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call(test, 'GET', '/proposals/export', {})).statusCode).toBe(401);
  });

  it('documents the record routes in OpenAPI (so the bad-input test reaches them)', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: object };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/proposals/export',
        '/api/v1/proposals/{id}/history',
        '/api/v1/proposals/{id}/document',
        '/api/v1/assignment-notices/document',
      ]),
    );
  });
});
