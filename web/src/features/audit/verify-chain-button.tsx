import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal, Result } from 'antd';
import { useState } from 'react';
import type { ChainVerification } from '../../../../contracts/audit.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useVerifyAuditChain } from './audit-api.ts';
import { verificationText } from './verification-text.ts';

const resultStatus = { valid: 'success', broken: 'error', unverifiable: 'warning' } as const;
const mono = { fontFamily: 'monospace', wordBreak: 'break-all' as const, fontSize: '0.85em' };

/** The verified head and the newest signed checkpoint, for the auditor to note or compare with a kept file. */
function ChainFacts({ result }: { result: ChainVerification }) {
  const t = useT();
  const checkpoint = result.latestCheckpoint;
  return (
    <Descriptions bordered column={1} size="small" styles={{ label: { width: 120 } }}>
      <Descriptions.Item label={t(result.valid ? '链头序号' : '已校验至')}>
        {result.head.sequence > 0 ? t(`第 ${result.head.sequence} 条`) : t('（无记录）')}
      </Descriptions.Item>
      <Descriptions.Item label={t('链头哈希')}>
        <span style={mono}>{result.head.hash}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('最新检查点')}>
        {checkpoint ? (
          <>
            {t(`第 ${checkpoint.sequence} 条`)}，{formatDateTime(checkpoint.writtenAt)}
            <div style={mono}>{checkpoint.hash}</div>
          </>
        ) : (
          t('（尚无）')
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 校验完整性: recomputes the committee's hash chain, compares it with the signed checkpoints and shows whether it
 * is intact, where it first breaks, or that it cannot be verified with this server's key; with the head it reached.
 */
export function VerifyChainButton(props: { fail: (error: unknown) => void; onVerified?: () => void }) {
  const t = useT();
  const verify = useVerifyAuditChain();
  const [result, setResult] = useState<ChainVerification | null>(null);
  const run = async () => {
    try {
      setResult(await verify.mutateAsync());
      props.onVerified?.();
    } catch (error) {
      props.fail(error);
    }
  };
  const text = result ? verificationText(result) : null;
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={run}>
        {t('校验完整性')}
      </Button>
      <Modal
        open={result !== null}
        onCancel={() => setResult(null)}
        onOk={() => setResult(null)}
        okText={t('知道了')}
        cancelButtonProps={{ style: { display: 'none' } }}
        title={t('审计日志完整性校验')}
        width={640}
        destroyOnHidden
      >
        {result && text ? (
          <>
            <Result
              status={resultStatus[result.status]}
              title={t(text.title)}
              subTitle={`${t(text.detail)}。${t('校验时间')}：${formatDateTime(result.verifiedAt)}`}
            />
            <ChainFacts result={result} />
          </>
        ) : null}
      </Modal>
    </>
  );
}
