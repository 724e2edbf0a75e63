import ExcelJS from 'exceljs';
import type { AppDependencies } from '../../platform/module.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';

/** Test dictionaries of a committee: two sectors, two parties, a committee and a group, by name. */
export async function createMemberDictionaries(deps: AppDependencies, orgId: string): Promise<Record<string, string>> {
  const entries = [
    { kind: 'sector', code: 'S01', name: '中国共产党' },
    { kind: 'sector', code: 'S02', name: '经济界' },
    { kind: 'sector', code: 'S99', name: '已撤销界别', active: false },
    { kind: 'party', code: 'P01', name: '中共' },
    { kind: 'party', code: 'P02', name: '民盟' },
    { kind: 'committee', code: 'C01', name: '提案委员会' },
    { kind: 'group', code: 'G01', name: '第一组' },
  ];
  const rows = await deps.database.orm
    .insert(dictionaryEntries)
    .values(entries.map((entry, index) => ({ ...entry, orgId, sortOrder: index })))
    .returning({ id: dictionaryEntries.id, name: dictionaryEntries.name });
  return Object.fromEntries(rows.map((row) => [row.name, row.id]));
}

/** An .xlsx file with a header row and data rows, as a user would fill the template. */
export async function xlsxOf(header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows of the first sheet of an .xlsx file, as text. */
export async function rowsOf(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}

/** A multipart/form-data upload of one file, for app.inject. */
export function multipartUpload(
  file: Buffer,
  fileName = 'roster.xlsx',
  contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cppcc${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Valid resident ID numbers (GB 11643 check digit) for tests: region, birth date, sequence. */
export function idNumber(birth = '19700101', sequence = 1, region = '110101'): string {
  const body = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(body[index]), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}
