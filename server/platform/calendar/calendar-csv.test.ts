import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCalendarCsvError, parseCalendarCsv } from './calendar-csv.ts';
import { officialCalendarDays } from './official-calendar.ts';

describe('parseCalendarCsv', () => {
  it('reads the shipped official schedule: 2025 and 2026, holidays and make-up workdays', () => {
    const text = readFileSync(new URL('./schedules/cn-official-2025-2026.csv', import.meta.url), 'utf8');
    const { rows, errors } = parseCalendarCsv(text);
    expect(errors).toEqual([]);
    expect(rows.length).toBe(72);
    expect(rows).toContainEqual({ day: '2025-01-26', kind: 'workday', name: '春节调休上班' });
    expect(rows).toContainEqual({ day: '2026-10-07', kind: 'holiday', name: '国庆节' });
    expect(officialCalendarDays()).toEqual(rows);
  });

  it.each([
    [
      'a BOM and CRLF line ends',
      '\uFEFFdate,kind,name\r\n2025-01-01,holiday,元旦\r\n',
      [{ day: '2025-01-01', kind: 'holiday', name: '元旦' }],
    ],
    [
      'Chinese headers and kinds',
      '日期,类型,名称\n2025-01-26,上班,春节调休\n2025-01-28,放假,春节',
      [
        { day: '2025-01-26', kind: 'workday', name: '春节调休' },
        { day: '2025-01-28', kind: 'holiday', name: '春节' },
      ],
    ],
    [
      'quoted names with commas',
      'date,kind,name\n2025-10-01,holiday,"国庆节,中秋节"',
      [{ day: '2025-10-01', kind: 'holiday', name: '国庆节,中秋节' }],
    ],
    [
      'columns in another order, blank lines',
      'name,date,kind\n\n元旦,2025-01-01,HOLIDAY\n\n',
      [{ day: '2025-01-01', kind: 'holiday', name: '元旦' }],
    ],
    ['no name column', 'date,kind\n2025-01-01,holiday', [{ day: '2025-01-01', kind: 'holiday', name: '' }]],
  ])('accepts %s', (_label, text, expected) => {
    expect(parseCalendarCsv(text)).toEqual({ rows: expected, errors: [] });
  });

  it.each([
    ['', [{ line: 1, column: 'header', message: '文件为空，应有表头 date,kind,name' }]],
    ['day,type\n2025-01-01,holiday', [{ line: 1, column: 'header', message: '表头应为 date,kind,name（日期,类型,名称）' }]],
    ['date,kind,name\n', [{ line: 2, column: 'date', message: '文件中没有数据行' }]],
    [
      'date,kind,name\n2025-01-01,holiday,元旦\n2025/01/02,holiday,x',
      [{ line: 3, column: 'date', message: '日期格式应为 YYYY-MM-DD' }],
    ],
    ['date,kind,name\n2025-02-29,holiday,x', [{ line: 2, column: 'date', message: '没有这一天：2025-02-29' }]],
    ['date,kind,name\n,holiday,x', [{ line: 2, column: 'date', message: '日期不能为空' }]],
    [
      'date,kind,name\n2025-01-01,vacation,x\n2025-01-01,holiday,y',
      [{ line: 2, column: 'kind', message: '类型应为 holiday（放假）或 workday（调休上班）' }],
    ],
    ['date,kind,name\n2025-01-01,holiday,a\n2025-01-01,holiday,b', [{ line: 3, column: 'date', message: '日期与第 2 行重复' }]],
    [`date,kind,name\n2025-01-01,holiday,${'长'.repeat(51)}`, [{ line: 2, column: 'name', message: '名称不能超过 50 个字符' }]],
  ])('reports errors of %j by line and column, with no rows', (text, errors) => {
    expect(parseCalendarCsv(text)).toEqual({ rows: [], errors });
  });

  it('reports every bad row, not only the first', () => {
    const result = parseCalendarCsv(
      'date,kind,name\n2025-01-01,holiday,ok\nbad,holiday,x\n2025-01-03,nope,y\n2025-01-04,workday,fine',
    );
    expect(result.rows).toEqual([]);
    expect(result.errors.map((error) => [error.line, error.column])).toEqual([
      [3, 'date'],
      [4, 'kind'],
    ]);
  });

  it.each([
    [{ line: 3, column: 'date', message: '日期格式应为 YYYY-MM-DD' }, '第 3 行「date」：日期格式应为 YYYY-MM-DD'],
    [{ line: 1, column: 'header', message: '表头应为 date,kind,name' }, '第 1 行（表头）：表头应为 date,kind,name'],
  ] as const)('formats %o as %s', (error, expected) => {
    expect(formatCalendarCsvError(error)).toBe(expected);
  });
});
