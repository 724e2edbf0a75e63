/**
 * The errors of a rejected import (all rows or none): the summary, then 第 N 行 / 列 / 问题, ten to a page. On a phone
 * the column goes in front of the problem, so the problem keeps the room to be read.
 */
import { Alert, Table, type TableColumnsType } from 'antd';
import { useT } from './admin-text.ts';
import { useIsPhone, useWidthScale } from './admin-ui.tsx';
import { type ImportErrorRow, importSummary } from './import-errors.ts';

/** The rejected file's message and, when the server listed them, its errors row by row. */
export function ImportErrorTable({ detail, rows }: { detail: string; rows: readonly ImportErrorRow[] }) {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const columns: TableColumnsType<ImportErrorRow> = [
    {
      title: t('行号'),
      dataIndex: 'row',
      width: w(phone ? 72 : 84),
      render: (row: number | null) => (row === null ? t('整个文件') : `${t('第')} ${row} ${t('行')}`),
    },
    ...(phone
      ? []
      : [{ title: t('列'), dataIndex: 'column', width: w(84), render: (column: string) => (column ? t(column) : '—') }]),
    {
      title: t('问题'),
      dataIndex: 'message',
      render: (message: string, row: ImportErrorRow) => (phone && row.column ? `${t(row.column)}：${t(message)}` : t(message)),
    },
  ];
  return (
    <>
      <Alert type="error" showIcon title={t(importSummary(detail, rows.length))} />
      {rows.length > 0 ? (
        <Table<ImportErrorRow>
          size="small"
          rowKey="key"
          dataSource={[...rows]}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={columns}
        />
      ) : null}
    </>
  );
}
