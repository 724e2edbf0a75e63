import { describe, expect, it } from 'vitest';
import { checkHistoryRows, type HistoryRow, readHistoryFile } from './routing.history-file.ts';

const lookups = {
  categories: new Map([
    ['交通运输', 'cat-t'],
    ['T01', 'cat-t'],
  ]),
  units: new Map([
    ['市交通运输局', 'unit-t'],
    ['U2', 'unit-h'],
  ]),
};
const row = (values: Partial<HistoryRow>): HistoryRow => ({
  row: 2,
  title: '',
  body: '',
  category: '',
  unit: '',
  date: '',
  ...values,
});

describe('history file rows', () => {
  it.each([
    ['title only with a category', row({ title: '公交', category: '交通运输' }), null, 'cat-t', []],
    ['body only with a unit code', row({ body: '正文', unit: 'U2' }), null, null, ['unit-h']],
    [
      'several units, repeated one once',
      row({ title: '甲', unit: '市交通运输局、U2，市交通运输局' }),
      null,
      null,
      ['unit-t', 'unit-h'],
    ],
    ['no text', row({ category: '交通运输' }), '标题', null, []],
    ['no category nor unit', row({ title: '甲' }), '类别', null, []],
    ['unknown category', row({ title: '甲', category: '外星' }), '类别', null, []],
    ['unknown unit', row({ title: '甲', unit: '市交通运输局;市某局' }), '承办单位', null, []],
    ['title too long', row({ title: '字'.repeat(501), category: 'T01' }), '标题', null, []],
    ['a date that is no date', row({ title: '甲', category: 'T01', date: '2024-02-30' }), '日期', null, []],
    ['a date in words', row({ title: '甲', category: 'T01', date: '去年' }), '日期', null, []],
  ])('%s', (_case, input, errorColumn, categoryId, unitIds) => {
    const { records, errors } = checkHistoryRows([input], lookups);
    if (errorColumn) {
      expect(errors.map((error) => error.column)).toEqual([errorColumn]);
      expect(records).toEqual([]);
    } else {
      expect(errors).toEqual([]);
      expect(records[0]).toMatchObject({ categoryId, unitIds });
    }
  });

  it.each([
    ['2024-03-15', '2024-03-15T00:00:00'],
    ['2019/11/10 18:59:24', '2019-11-10T18:59:24'],
    ['2024年3月5日', '2024-03-05T00:00:00'],
    ['2024/3/5 9:30', '2024-03-05T09:30:00'],
    ['', null],
  ])('reads the date %s as the local time %s', (date, localTime) => {
    const { records, errors } = checkHistoryRows([row({ title: '甲', category: 'T01', date })], lookups);
    expect(errors).toEqual([]);
    expect(records[0].localTime).toBe(localTime);
  });

  it('reads CSV (with a byte-order mark) and JSON Lines with the eval files’ column names', async () => {
    const csv = await readHistoryFile(Buffer.from('\uFEFFtitle,label\n"公交,地铁",交通运输\n'));
    expect(csv).toEqual([{ row: 2, title: '公交,地铁', body: '', category: '交通运输', unit: '', date: '' }]);
    const jsonl = await readHistoryFile(
      Buffer.from('{"body":"正文","category":"T01","unit":"U2","time":"2019/2/28 11:25:05"}\n\n'),
    );
    expect(jsonl).toEqual([{ row: 1, title: '', body: '正文', category: 'T01', unit: 'U2', date: '2019/2/28 11:25:05' }]);
  });

  it('refuses a file that is not UTF-8 text or lacks the columns', async () => {
    await expect(readHistoryFile(Buffer.from([0xb9, 0xab, 0xbd, 0xbb, 0x0a]))).rejects.toMatchObject({ status: 400 });
    await expect(readHistoryFile(Buffer.from('名称\n甲\n'))).rejects.toMatchObject({ status: 400, code: 'import_invalid' });
    await expect(readHistoryFile(Buffer.from('title,label\n'))).rejects.toMatchObject({ status: 400, code: 'empty_file' });
    // A NUL reached the database and answered 500: it is a 400 naming the line.
    await expect(readHistoryFile(Buffer.from('title,label\n公交\u0000线路,交通运输\n'))).rejects.toMatchObject({
      status: 400,
      detail: expect.stringContaining('第 2 行含有空字符'),
    });
  });
});
