/**
 * 历史数据与智能分办: how much history the committee has imported and when the category and unit models last
 * learned from it; the upload of history files (Excel, CSV or JSONL; every row or none, a rejected file lists its
 * errors row by row), the template, and 立即重新学习.
 */
import { DownloadOutlined, InboxOutlined, SyncOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Skeleton, Statistic, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isImportRun } from '../../../../contracts/imports.ts';
import { historyImportColumns } from '../../../../contracts/routing.ts';
import { useImportOutcome } from '../../features/imports/import-outcome.ts';
import { ImportRunProgress } from '../../features/imports/import-run-progress.tsx';
import {
  downloadHistoryTemplate,
  HISTORY_IMPORT_ACCEPT,
  type RoutingStatus,
  routingKey,
  routingTargetNames,
  useImportHistory,
  useRoutingStatus,
  useTrainRouting,
} from '../../features/routing/routing-api.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { errorMessage } from '../admin/shared/admin-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, useFeedback, useIsPhone, useWidthScale } from '../admin/shared/admin-ui.tsx';
import { ImportErrorTable } from '../admin/shared/import-error-table.tsx';
import { importErrorRows } from '../admin/shared/import-errors.ts';

type Model = RoutingStatus['models'][number];

/** The screen. */
export function RoutingPage() {
  const t = useT();
  const feedback = useFeedback();
  const status = useRoutingStatus();
  const train = useTrainRouting();
  const retrain = async () => {
    try {
      await train.mutateAsync();
      feedback.ok('已按最新数据重新学习');
    } catch (error) {
      feedback.fail(error);
    }
  };
  const template = async () => {
    try {
      await downloadHistoryTemplate();
    } catch (error) {
      feedback.fail(error);
    }
  };
  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="历史数据与智能分办"
        extra={
          <Button type="primary" icon={<SyncOutlined />} loading={train.isPending} onClick={retrain}>
            {t('立即重新学习')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <StatusCard status={status.data} loading={status.isPending} error={status.error} />
        </Col>
        <Col xs={24} xl={14}>
          <ImportCard onTemplate={template} />
        </Col>
      </Row>
    </div>
  );
}

/** 学习状态: the history count and each model's training. */
function StatusCard(props: { status: RoutingStatus | undefined; loading: boolean; error: unknown }) {
  const t = useT();
  return (
    <Card size="small" title={t('学习状态')}>
      {props.loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : props.error ? (
        <Alert type="error" showIcon title={t(errorMessage(props.error))} />
      ) : props.status ? (
        <Flex vertical gap={16}>
          <Statistic title={t('已导入的历史数据')} value={formatNumber(props.status.historyCount)} suffix={t('条')} />
          {props.status.models.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('尚未学习。导入历史数据（或立案、交办提案）后，系统会自动学习，也可以点“立即重新学习”。')}
            />
          ) : (
            <List<Model>
              size="small"
              bordered
              dataSource={props.status.models}
              rowKey="target"
              renderItem={(model) => (
                <List.Item>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Typography.Text strong>
                      {t(routingTargetNames[model.target])}
                      {t('建议')}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t('学习于')} {formatDateTime(model.trainedAt)}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {formatNumber(model.exampleCount)} {t('条样本')} · {formatNumber(model.labelCount)}{' '}
                      {t(model.target === 'category' ? '个类别' : '个承办单位')}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t(
              '系统从导入的历史数据和已立案、已交办的提案中学习，为新提案建议类别和承办单位；导入后会在后台自动重新学习，并定期更新。',
            )}
          </Typography.Paragraph>
        </Flex>
      ) : null}
    </Card>
  );
}

/**
 * 导入历史数据: pick a file, upload it, see what was imported or every row's error. A large file goes to the
 * background: a progress bar follows it (also after leaving the page and coming back) to the same result.
 */
function ImportCard({ onTemplate }: { onTemplate: () => void }) {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const { outcome, setOutcome, runId, follow, running, finished, lost } = useImportOutcome('routing_history', () => {
    void client.invalidateQueries({ queryKey: routingKey });
    void client.invalidateQueries({ queryKey: ['search'] });
  });
  const upload = useImportHistory();
  const start = async () => {
    if (!file) return;
    try {
      const result = await upload.mutateAsync(file);
      setFile(null);
      if (isImportRun(result)) {
        setOutcome(null);
        follow(result.id);
      } else {
        setOutcome({ kind: 'done', imported: result.imported });
      }
    } catch (error) {
      setOutcome({ kind: 'rejected', detail: errorMessage(error), rows: importErrorRows(error) });
    }
  };
  return (
    <Card size="small" title={t('导入历史数据')}>
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={1}
          bordered
          layout={phone ? 'vertical' : 'horizontal'}
          styles={{ label: phone ? undefined : { width: w(96) } }}
        >
          <Descriptions.Item label={t('文件格式')}>
            {t('Excel（.xlsx）、CSV（.csv，UTF-8）或 JSONL（.jsonl，每行一条）')}
          </Descriptions.Item>
          <Descriptions.Item label={t('表头')}>
            {historyImportColumns.join('、')}
            <Typography.Text type="secondary"> {t('（JSONL 用 title、body、category、unit）')}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('说明')}>
            {t('类别和承办单位按名称填写。全部行通过校验才会写入，有错误时不会导入任何一行。')}
          </Descriptions.Item>
        </Descriptions>
        {running && runId ? <ImportRunProgress runId={runId} onFinished={finished} onLost={lost} /> : null}
        <Upload.Dragger
          disabled={running}
          accept={HISTORY_IMPORT_ACCEPT}
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(picked) => {
            setFile(picked);
            setOutcome(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setOutcome(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('点击或拖动历史数据文件到这里')}</p>
        </Upload.Dragger>
        <Flex gap={8} wrap>
          <Button type="primary" icon={<UploadOutlined />} disabled={!file || running} loading={upload.isPending} onClick={start}>
            {t('开始导入')}
          </Button>
          <Button type="link" icon={<DownloadOutlined />} onClick={onTemplate} style={{ paddingInline: 4 }}>
            {t('下载导入模板')}
          </Button>
        </Flex>
        {outcome?.kind === 'done' ? (
          <Alert
            type="success"
            showIcon
            title={`${t('成功导入')} ${formatNumber(outcome.imported)} ${t('条历史数据')}`}
            description={t('系统正在后台重新学习，稍后刷新即可看到新的学习时间。')}
          />
        ) : null}
        {outcome?.kind === 'rejected' ? <ImportErrorTable detail={outcome.detail} rows={outcome.rows} /> : null}
      </Flex>
    </Card>
  );
}
