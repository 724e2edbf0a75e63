import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberImportColumns, unitImportColumns } from '../../../contracts/people.ts';
import { createTenantWithUsers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createMemberDictionaries, idNumber, multipartUpload, rowsOf, xlsxOf } from './people.test-support.ts';

const header = [...memberImportColumns];
/** A member row in the template's column order. */
const memberRow = (name: string, sector: string, id: string, mobile: string, extra: Record<string, string> = {}) => {
  const cells: Record<string, string> = {
    姓名: name,
    界别: sector,
    身份证号: id,
    手机号: mobile,
    性别: '女',
    是否常委: '否',
    ...extra,
  };
  return header.map((column) => cells[column] ?? '');
};

describe('Excel import and export', () => {
  let test: TestApp;
  let tenant: Awaited<ReturnType<typeof createTenantWithUsers>>;
  let other: Awaited<ReturnType<typeof createTenantWithUsers>>;
  const as = (role: string, tenantOf = tenant) => tenantOf.people[role].headers;
  const count = async (table: string, orgId = tenant.organization.id) =>
    (await test.dependencies.database.pool.query(`select count(*)::int as n from ${table} where org_id = $1`, [orgId])).rows[0].n;
  const upload = (url: string, file: Buffer, headers: Record<string, string>, name?: string, type?: string) => {
    const body = multipartUpload(file, name, type);
    return test.app.inject({ method: 'POST', url, headers: { ...headers, ...body.headers }, payload: body.payload });
  };

  beforeAll(async () => {
    test = await createTestApp();
    tenant = await createTenantWithUsers(test.dependencies, ['proposal_office', 'member']);
    other = await createTenantWithUsers(test.dependencies, ['proposal_office']);
    await createMemberDictionaries(test.dependencies, tenant.organization.id);
    await createMemberDictionaries(test.dependencies, other.organization.id);
  });
  afterAll(async () => test.close());

  it('serves the member template with the columns and the valid sector names', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/members/import-template.xlsx',
      headers: as('proposal_office'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('委员导入模板.xlsx'));
    const rows = await rowsOf(response.rawPayload);
    expect(rows[0]).toEqual(header);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const notes: string[] = [];
    workbook.worksheets[1].eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes.join('\n')).toContain('界别可填：中国共产党、经济界');
    expect(notes.join('\n')).not.toContain('已撤销界别');
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/members/import-template.xlsx', headers: as('member') })).statusCode,
    ).toBe(403);
  });

  it('imports a valid roster in one transaction with one event', async () => {
    const file = await xlsxOf(header, [
      memberRow('甲一', '经济界', idNumber('19700101', 1), '13900000001', { 党派: '民盟', 是否常委: '是', 出生年份: '1970' }),
      memberRow('甲二', 'S01', idNumber('19700101', 2), '13900000002', { 性别: '男', 小组: '第一组' }),
      memberRow('甲三', '中国共产党', idNumber('19700101', 3), '13900000003', { 性别: '', 是否常委: '' }),
      header.map(() => ''), // a blank row is skipped
    ]);
    const response = await upload('/api/v1/members/import', file, as('proposal_office'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 3 });
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/members?q=甲', headers: as('proposal_office') });
    expect(list.json().items.map((item: { name: string }) => item.name)).toEqual(['甲一', '甲二', '甲三']);
    expect(list.json().items[0]).toMatchObject({
      isStandingCommittee: true,
      party: { name: '民盟' },
      birthYear: 1970,
      gender: 'female',
    });
    expect(list.json().items[1]).toMatchObject({ sector: { name: '中国共产党' }, group: { name: '第一组' }, gender: 'male' });
    const events = await test.dependencies.database.pool.query(
      "select after::text as after from events where type = 'member.imported' and org_id = $1",
      [tenant.organization.id],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].after).not.toContain(idNumber('19700101', 1));
  });

  it('lists every error by row and column and writes nothing', async () => {
    const before = await count('members');
    const events = await count('events');
    const file = await xlsxOf(header, [
      memberRow('乙一', '经济界', idNumber('19800101', 1), '13900000011'),
      memberRow('乙二', '不存在的界别', idNumber('19800101', 2), '13900000012'),
      memberRow('乙三', '经济界', idNumber('19800101', 1), '13900000013'),
      memberRow('乙四', '经济界', idNumber('19700101', 1), '13900000014'),
      memberRow('', '经济界', '110105194912310021', '123', { 性别: '未知', 是否常委: '也许' }),
    ]);
    const response = await upload('/api/v1/members/import', file, as('proposal_office'));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('import_invalid');
    const found = body.errors.map((error: { row: number; column: string }) => `${error.row}:${error.column}`);
    expect(found).toEqual(['3:界别', '4:身份证号', '5:身份证号', '6:姓名', '6:性别', '6:是否常委', '6:身份证号', '6:手机号']);
    expect(body.errors[0]).toEqual({ row: 3, column: '界别', field: '第 3 行「界别」', message: '找不到界别“不存在的界别”' });
    expect(body.errors[1].message).toBe('与第 2 行重复');
    expect(body.errors[2].message).toBe('已登记在委员“甲一”名下');
    expect(body.detail).toContain('第 3 行「界别」：找不到界别“不存在的界别”');
    expect(await count('members')).toBe(before);
    expect(await count('events')).toBe(events);
  });

  it('checks every required column on every row: a blank required cell is an error of its own', async () => {
    const before = await count('members');
    const file = await xlsxOf(header, [
      memberRow('丁一', '经济界', idNumber('19810101', 1), '13900000021'),
      memberRow('丁二', '经济界', '', '13900000022'),
      memberRow('丁三', '经济界', idNumber('19810101', 3), ''),
      memberRow('', '', '', '', { 性别: '' }),
    ]);
    const response = await upload('/api/v1/members/import', file, as('proposal_office'));
    expect(response.statusCode, response.body).toBe(400);
    const errors = response.json().errors as { row: number; column: string; field: string; message: string }[];
    expect(errors.map((error) => `${error.row}:${error.column}`)).toEqual([
      '3:身份证号',
      '4:手机号',
      '5:姓名',
      '5:界别',
      '5:身份证号',
      '5:手机号',
    ]);
    expect(errors[0]).toEqual({ row: 3, column: '身份证号', field: '第 3 行「身份证号」', message: '不能为空（必填列）' });
    expect(response.json().detail).toContain('第 3 行「身份证号」：不能为空（必填列）');
    expect(await count('members')).toBe(before);
  });

  it('names missing required columns', async () => {
    const file = await xlsxOf(['姓名', '性别'], [['丙一', '男']]);
    const response = await upload('/api/v1/members/import', file, as('proposal_office'));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { column: string }) => error.column)).toEqual(['界别', '身份证号', '手机号']);
    expect(response.json().errors[0].message).toContain('缺少必需的列');
  });

  it('rejects files that are not .xlsx, oversize uploads, and non-multipart requests', async () => {
    const csv = await upload(
      '/api/v1/members/import',
      Buffer.from('姓名,界别\n丁一,经济界\n'),
      as('proposal_office'),
      'roster.csv',
      'text/csv',
    );
    expect(csv.statusCode).toBe(415);
    expect(csv.json().detail).toContain('.xlsx');
    const renamed = await upload('/api/v1/members/import', Buffer.from('not a zip at all'), as('proposal_office'), 'roster.xlsx');
    expect(renamed.statusCode).toBe(415);
    const broken = await upload(
      '/api/v1/members/import',
      Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(100)]),
      as('proposal_office'),
    );
    expect(broken.statusCode).toBe(400);
    const huge = await upload('/api/v1/members/import', Buffer.alloc(6 * 1024 * 1024, 1), as('proposal_office'));
    expect(huge.statusCode).toBe(413);
    const json = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members/import',
      headers: as('proposal_office'),
      payload: {},
    });
    expect(json.statusCode).toBe(415);
    const file = await xlsxOf(header, [memberRow('戊一', '经济界', '', '')]);
    expect((await upload('/api/v1/members/import', file, as('member'))).statusCode).toBe(403);
  });

  it('exports the filtered roster with masked sensitive fields, only of the own committee', async () => {
    // The office keeps the roster and sees ID numbers and mobiles (masked); what members see is the roster's own test.
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/members/export.xlsx?standingCommittee=true',
      headers: as('proposal_office'),
    });
    expect(response.statusCode).toBe(200);
    const rows = await rowsOf(response.rawPayload);
    expect(rows[0]).toEqual([...header, '状态']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['甲一']);
    const id = idNumber('19700101', 1);
    expect(rows[1][10]).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(rows[1][11]).toBe('139****0001');
    const outsider = await test.app.inject({
      method: 'GET',
      url: '/api/v1/members/export.xlsx',
      headers: as('proposal_office', other),
    });
    expect((await rowsOf(outsider.rawPayload)).length).toBe(1);
    const exported = await test.dependencies.database.pool.query(
      "select count(*)::int as n from events where type = 'member.exported' and org_id = $1",
      [tenant.organization.id],
    );
    expect(exported.rows[0].n).toBe(1);
  });

  it('imports units with parents from the file or the committee, and refuses cycles and duplicates', async () => {
    const units = [...unitImportColumns];
    const good = await xlsxOf(units, [
      ['ZF', '市人民政府', '市政府', '', '', '王秘书', '0571-88888888', '示例路 1 号'],
      ['ZF-SW', '市水务局', '水务局', 'ZF', '政府部门', '', '13700000001', ''],
      ['ZF-SW-1', '市水文站', '', 'ZF-SW', '企事业单位', '', '', ''],
    ]);
    const imported = await upload('/api/v1/units/import', good, as('proposal_office'));
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 3 });
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/units?q=ZF-SW-1', headers: as('member') });
    expect(list.json().items[0]).toMatchObject({ name: '市水文站', kind: 'enterprise', parent: { name: '市水务局' } });

    const bad = await xlsxOf(units, [
      ['ZF', '重复编码单位', '', '', '', '', '', ''],
      ['B1', '市水务局', '', '', '', '', '', ''],
      ['C1', '循环一', '', 'C2', '', '', '', ''],
      ['C2', '循环二', '', 'C1', '', '', '', ''],
      ['D1', '无上级', '', 'NOPE', '部委', '', '12345', ''],
    ]);
    const before = await count('units');
    const refused = await upload('/api/v1/units/import', bad, as('proposal_office'));
    expect(refused.statusCode).toBe(400);
    const found = refused.json().errors.map((error: { row: number; column: string }) => `${error.row}:${error.column}`);
    expect(found).toEqual(['2:单位编码', '3:单位名称', '4:上级单位编码', '5:上级单位编码', '6:类型', '6:联系电话']);
    expect(await count('units')).toBe(before);
  });

  it('serves the unit template and exports units with parent codes and masked phones', async () => {
    const template = await test.app.inject({
      method: 'GET',
      url: '/api/v1/units/import-template.xlsx',
      headers: as('proposal_office'),
    });
    expect((await rowsOf(template.rawPayload))[0]).toEqual([...unitImportColumns]);
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/units/export.xlsx?q=ZF-SW', headers: as('member') });
    const rows = await rowsOf(response.rawPayload);
    expect(rows.slice(1).map((row) => [row[0], row[3], row[6]])).toEqual([
      ['ZF-SW', 'ZF', '137****0001'],
      ['ZF-SW-1', 'ZF-SW', ''],
    ]);
  });
});
