import { describe, expect, it } from 'vitest';
import { AdminApiError } from './admin-api.ts';
import { importErrorRows, importSummary } from './import-errors.ts';

describe('import error rows', () => {
  it('lists every row and column error in sheet order', () => {
    const error = new AdminApiError(400, {
      code: 'import_invalid',
      detail: '导入文件有 2 处错误',
      errors: [
        { row: 7, column: '手机号', field: '第 7 行「手机号」', message: '手机号不正确' },
        { row: 3, column: '界别', field: '第 3 行「界别」', message: '没有这个界别' },
      ],
    });
    expect(importErrorRows(error).map((item) => [item.row, item.column, item.message])).toEqual([
      [3, '界别', '没有这个界别'],
      [7, '手机号', '手机号不正确'],
    ]);
  });

  it('reads the row and column from the field text when they are missing', () => {
    const error = new AdminApiError(400, {
      code: 'import_invalid',
      detail: '错误',
      errors: [{ field: '第 12 行「身份证号」', message: '重复' }],
    });
    expect(importErrorRows(error)[0]).toMatchObject({ row: 12, column: '身份证号', message: '重复' });
  });

  it('reads a dotted field like 第3行.date', () => {
    const error = new AdminApiError(400, {
      code: 'calendar_import_invalid',
      detail: '错误',
      errors: [{ field: '第3行.date', message: '日期不正确' }],
    });
    expect(importErrorRows(error)[0]).toMatchObject({ row: 3, column: 'date', message: '日期不正确' });
  });

  it('puts errors of the whole file first, without a row', () => {
    const error = new AdminApiError(400, {
      code: 'import_invalid',
      detail: '错误',
      errors: [
        { row: 2, column: '姓名', field: '第 2 行「姓名」', message: '不能为空' },
        { field: 'file', message: '缺少列：界别' },
      ],
    });
    const rows = importErrorRows(error);
    expect(rows[0]).toMatchObject({ row: null, message: '缺少列：界别' });
  });

  it('has no rows for errors that are not API errors', () => {
    expect(importErrorRows(new Error('boom'))).toEqual([]);
  });
});

describe('import summary', () => {
  it('keeps the first sentence when the table lists the errors', () => {
    expect(importSummary('导入文件有 5 处错误，未导入任何数据。第 2 行「界别」：找不到', 5)).toBe(
      '导入文件有 5 处错误，未导入任何数据。请按下表逐项修改后重新上传。',
    );
    expect(importSummary('文件有误，未导入任何数据：第2行.date：没有这一天', 1)).toBe(
      '文件有误，未导入任何数据。请按下表逐项修改后重新上传。',
    );
  });

  it('keeps the whole message when there is no table', () => {
    expect(importSummary('只支持 .xlsx 格式的 Excel 文件', 0)).toBe('只支持 .xlsx 格式的 Excel 文件');
  });
});
