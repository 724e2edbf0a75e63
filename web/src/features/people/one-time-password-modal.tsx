import { Alert, Modal, Space, Typography } from 'antd';
import { useT } from '../../pages/admin/shared/admin-text.ts';

/** Shows a generated password once: it is never stored in clear, so it cannot be shown again. */
export function OneTimePasswordModal(props: {
  password: string | null;
  username: string;
  title: string;
  /** 初始密码 for a new account, 临时密码 after a reset. */
  passwordLabel?: string;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={props.password !== null}
      title={t(props.title)}
      onOk={props.onClose}
      onCancel={props.onClose}
      okText={t('我已记下')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          title={t('此密码只显示这一次，关闭后无法再查看。请通过安全渠道告知本人，登录后须立即修改密码。')}
        />
        <div>
          <Typography.Text type="secondary">{t('用户名')}：</Typography.Text>
          <Typography.Text strong>{props.username}</Typography.Text>
        </div>
        <div>
          <Typography.Text type="secondary">{t(props.passwordLabel ?? '初始密码')}：</Typography.Text>
          <Typography.Text
            strong
            code
            copyable={{ text: props.password ?? '', tooltips: [t('复制'), t('已复制')] }}
            style={{ fontSize: '1.25em' }}
            data-testid="one-time-password"
          >
            {props.password}
          </Typography.Text>
        </div>
      </Space>
    </Modal>
  );
}
