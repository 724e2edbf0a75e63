import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { auditRoutes } from '../../../../contracts/audit.ts';
import { downloadFile } from '../../lib/api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';

/** 下载检查点: the committee's signed checkpoint file, for the auditor to keep apart from the server. */
export function DownloadCheckpointsButton(props: { fail: (error: unknown) => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(auditRoutes.checkpointFile, undefined, '审计检查点.jsonl');
    } catch (error) {
      props.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={t('每行一个带签名的链头（序号与哈希），请保存在服务器之外，日后可与校验结果比对')}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={run}>
        {t('下载检查点')}
      </Button>
    </Tooltip>
  );
}
