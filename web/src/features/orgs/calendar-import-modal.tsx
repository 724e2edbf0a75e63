import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { type ImportErrorRow, importErrorRows, importSummary } from '../../pages/admin/shared/import-errors.ts';
import { useImportCalendar } from './orgs-api.ts';

const example = 'date,kind,name\n2026-10-01,holiday,国庆节\n2026-09-27,workday,国庆节调休';

/** Imports holidays from CSV (pasted or read from a file); a bad file lists every error by line and column. */
export function CalendarImportModal(props: { open: boolean; onClose: () => void; ok: (text: string) => void }) {
  const t = useT();
  const importCalendar = useImportCalendar();
  const [csv, setCsv] = useState('');
  const [problem, setProblem] = useState<{ detail: string; rows: ImportErrorRow[] } | null>(null);

  const close = () => {
    setCsv('');
    setProblem(null);
    props.onClose();
  };
  const submit = async () => {
    setProblem(null);
    try {
      const result = await importCalendar.mutateAsync(csv);
      props.ok(`${t('已导入')} ${result.imported} ${t('天（新增')} ${result.created}，${t('更新')} ${result.updated}）`);
      close();
    } catch (error) {
      setProblem({ detail: errorMessage(error), rows: importErrorRows(error) });
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('导入节假日安排（CSV）')}
      okText={t('导入')}
      cancelText={t('取消')}
      okButtonProps={{ disabled: !csv.trim() }}
      confirmLoading={importCalendar.isPending}
      onOk={submit}
      onCancel={close}
      width={680}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('表头为 date,kind,name；kind 为 holiday（放假）或 workday（调休上班）。任何一行有误则整份不导入。')}
        </Typography.Paragraph>
        <Upload
          accept=".csv,text/csv,text/plain"
          showUploadList={false}
          beforeUpload={async (file) => {
            setCsv(await file.text());
            setProblem(null);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('选择 CSV 文件')}</Button>
        </Upload>
        <Input.TextArea
          rows={8}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
          placeholder={example}
          style={{ fontFamily: 'monospace' }}
          aria-label={t('CSV 内容')}
        />
        {problem ? (
          <>
            <Alert type="error" showIcon title={t(importSummary(problem.detail, problem.rows.length))} />
            {problem.rows.length > 0 ? (
              <Table<ImportErrorRow>
                size="small"
                rowKey="key"
                dataSource={problem.rows}
                pagination={problem.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                columns={[
                  {
                    title: t('行号'),
                    dataIndex: 'row',
                    width: 84,
                    render: (row: number | null) => (row === null ? t('整个文件') : `${t('第')} ${row} ${t('行')}`),
                  },
                  { title: t('列'), dataIndex: 'column', width: 80, render: (column: string) => column || '—' },
                  { title: t('问题'), dataIndex: 'message', render: (message: string) => t(message) },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
