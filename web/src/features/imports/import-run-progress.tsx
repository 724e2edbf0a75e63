import { Alert, Flex, Progress, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { ImportRun } from '../../../../contracts/imports.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { importRunStatus, isFinished, useImportRun } from './import-runs.ts';

/**
 * A background import followed to its end: the file, a bar that fills as the server reads and writes, and what it
 * is doing; `onFinished` hears of the ended run once (done, or failed with its errors), `onLost` of a run that
 * cannot be read any more (purged, or the session changed).
 */
export function ImportRunProgress({
  runId,
  onFinished,
  onLost,
}: {
  runId: string;
  onFinished: (run: ImportRun) => void;
  onLost: (error: unknown) => void;
}) {
  const t = useT();
  const run = useImportRun(runId);
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (run.data && isFinished(run.data) && reported.current !== run.data.id) {
      reported.current = run.data.id;
      onFinished(run.data);
    }
  }, [run.data, onFinished]);
  useEffect(() => {
    if (run.error) onLost(run.error);
  }, [run.error, onLost]);
  if (run.error) return <Alert type="error" showIcon title={t(errorMessage(run.error))} />;
  const data = run.data;
  return (
    <Flex vertical gap={8} aria-live="polite">
      <Typography.Text strong>{data?.fileName ?? t('正在查询导入进度…')}</Typography.Text>
      <Progress
        percent={data?.percent ?? 0}
        status={data?.state === 'failed' ? 'exception' : data?.state === 'done' ? 'success' : 'active'}
      />
      {data ? <Typography.Text>{t(importRunStatus(data))}</Typography.Text> : null}
      {data && !isFinished(data) ? (
        <Typography.Text type="secondary">
          {t('文件较大，已转入后台导入。可以关闭此窗口，导入不会中断；再次打开即可查看进度和结果。')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
