/** 批量立案: confirms filing the selected proposals, then lists each one's number or why it failed. */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ProposalSummary } from '../../../../contracts/proposals.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { type BulkResultLine, bulkResultLines, bulkSummary } from './bulk-results.ts';
import { useBulkFile } from './review-api.ts';

/** The modal; `onFinished` is called when the results are closed (the selection is cleared then). */
export function BulkFileModal(props: { rows: ProposalSummary[] | null; onClose: () => void; onFinished: () => void }) {
  const t = useT();
  const bulk = useBulkFile();
  const [lines, setLines] = useState<BulkResultLine[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = props.rows ?? [];
  const close = () => {
    const finished = lines !== null;
    setLines(null);
    setFailure(null);
    if (finished) props.onFinished();
    else props.onClose();
  };
  const run = async () => {
    setFailure(null);
    try {
      const result = await bulk.mutateAsync(rows.map((row) => ({ id: row.id, version: row.version })));
      setLines(bulkResultLines(result, new Map(rows.map((row) => [row.id, row.title]))));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={props.rows !== null}
      title={t(lines ? '批量立案结果' : '批量立案')}
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      footer={
        lines ? (
          <Button type="primary" onClick={close}>
            {t('完成')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('取消')}</Button>
            <Button type="primary" loading={bulk.isPending} onClick={run}>
              {t('确认立案')} {rows.length} {t('件')}
            </Button>
          </>
        )
      }
    >
      {failure ? <Alert type="error" showIcon title={t(failure)} style={{ marginBottom: 12 }} /> : null}
      {lines ? (
        <>
          <Alert
            type={lines.every((line) => line.ok) ? 'success' : 'warning'}
            showIcon
            title={t(bulkSummary(lines))}
            style={{ marginBottom: 12 }}
          />
          <List
            size="small"
            dataSource={lines}
            style={{ maxHeight: 420, overflow: 'auto' }}
            renderItem={(line) => (
              <List.Item>
                <List.Item.Meta
                  avatar={
                    line.ok ? (
                      <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('成功')} />
                    ) : (
                      <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t('失败')} />
                    )
                  }
                  title={t(line.title)}
                  description={
                    line.ok ? (
                      <Typography.Text>
                        {t('提案号')}：{line.number ? `${t('第')}${line.number}${t('号')}` : '—'}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="danger">{t(line.detail ?? '')}</Typography.Text>
                    )
                  }
                />
              </List.Item>
            )}
          />
        </>
      ) : (
        <>
          <Typography.Paragraph>
            {t('将以下')} {rows.length} {t('件提案立案，按所列顺序编号：')}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={rows}
            style={{ maxHeight: 360, overflow: 'auto' }}
            renderItem={(row) => (
              <List.Item>
                {t(row.title)} <Typography.Text type="secondary">· {t(row.authorName)}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
