import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Modal, Result } from 'antd';
import { useState } from 'react';
import type { ChainVerification } from '../../../../contracts/audit.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useVerifyAuditChain } from './audit-api.ts';
import { verificationText } from './verification-text.ts';

/** 校验完整性: recomputes the committee's hash chain and shows whether it is intact or where it first breaks. */
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
        destroyOnHidden
      >
        {result && text ? (
          <Result
            status={result.valid ? 'success' : 'error'}
            title={t(text.title)}
            subTitle={`${t(text.detail)}。${t('校验时间')}：${formatDateTime(result.verifiedAt)}`}
          />
        ) : null}
      </Modal>
    </>
  );
}
