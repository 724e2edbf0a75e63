import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Result, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { type ImportKind, type ImportRun, isImportRun } from '../../../../contracts/imports.ts';
import type { ImportResult } from '../../../../contracts/people.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { ImportErrorTable } from '../../pages/admin/shared/import-error-table.tsx';
import { importErrorRows } from '../../pages/admin/shared/import-errors.ts';
import { useImportOutcome } from '../imports/import-outcome.ts';
import { ImportRunProgress } from '../imports/import-run-progress.tsx';

/** What the import dialog needs: what is imported, how to upload, and the template. */
export type ExcelImportProps = {
  open: boolean;
  /** What a background import of this dialog is filed under (one followed import per kind). */
  kind: Extract<ImportKind, 'members' | 'units'>;
  title: string;
  /** The columns of the sheet, shown as a hint. */
  columns: readonly string[];
  requiredColumns: readonly string[];
  /** Uploads the file: the count when imported at once, or the background import to follow. */
  upload: (file: File) => Promise<ImportResult | ImportRun>;
  downloadTemplate: () => Promise<void>;
  onClose: (imported: boolean) => void;
};

/**
 * Excel import: pick an .xlsx file, upload it; a rejected sheet shows every error as 第 N 行 / 列 / 问题, a
 * successful one how many rows were written (the server writes all rows or none). A large file goes to the
 * background: a progress bar follows it (also after the dialog is closed and opened again) to the same result.
 */
export function ExcelImportModal(props: ExcelImportProps) {
  const t = useT();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const { outcome, setOutcome, runId, follow, running, finished, lost } = useImportOutcome(props.kind, () => {
    void client.invalidateQueries({ queryKey: ['people'] });
  });

  const reset = () => {
    setFile(null);
    setOutcome(null);
    if (!running) follow(null);
  };
  const close = () => {
    const imported = outcome?.kind === 'done';
    reset();
    props.onClose(imported);
  };
  const start = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await props.upload(file);
      if (isImportRun(result)) {
        setOutcome(null);
        follow(result.id);
      } else {
        setOutcome({ kind: 'done', imported: result.imported });
      }
    } catch (error) {
      setOutcome({ kind: 'rejected', detail: errorMessage(error), rows: importErrorRows(error) });
    } finally {
      setBusy(false);
    }
  };
  const downloadTemplate = async () => {
    try {
      await props.downloadTemplate();
    } catch (error) {
      setOutcome({ kind: 'rejected', detail: errorMessage(error), rows: [] });
    }
  };

  const footer =
    outcome?.kind === 'done'
      ? [
          <Button key="close" type="primary" onClick={close}>
            {t('完成')}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={close}>
            {t('关闭')}
          </Button>,
          <Button key="start" type="primary" disabled={!file || running} loading={busy} onClick={start}>
            {t('开始导入')}
          </Button>,
        ];

  return (
    <Modal open={props.open} title={t(props.title)} onCancel={close} footer={footer} width={760} destroyOnHidden>
      {outcome?.kind === 'done' ? (
        <Result status="success" title={`${t('成功导入')} ${outcome.imported} ${t('条记录')}`} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t(
              '请先下载模板，按模板填写后上传（仅支持 .xlsx，最大 5 MB）。全部行通过校验才会写入，有错误时不会导入任何一行；较大的文件转入后台导入，可随时查看进度。',
            )}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('表头')}：
            {props.columns.map((column) => (props.requiredColumns.includes(column) ? `${column}*` : column)).join('、')}
            {t('（* 为必需列）')}
          </Typography.Text>
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
            {t('下载导入模板')}
          </Button>
          {running && runId ? (
            <ImportRunProgress runId={runId} onFinished={finished} onLost={lost} />
          ) : (
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(picked) => {
                setFile(picked);
                setOutcome(null);
                follow(null);
                return false;
              }}
              onRemove={() => reset()}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('点击或拖动 Excel 文件到这里')}</p>
            </Upload.Dragger>
          )}
          {outcome?.kind === 'rejected' ? <ImportErrorTable detail={outcome.detail} rows={outcome.rows} /> : null}
        </Space>
      )}
    </Modal>
  );
}
