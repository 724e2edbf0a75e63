import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { formatTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import type { AutosaveState } from './autosave-state.ts';

/** The one line that says where autosave stands; a conflict becomes an alert with 重新加载. */
export function AutosaveStatus(props: { state: AutosaveState; created: boolean; onRetry: () => void; onReload: () => void }) {
  const t = useText();
  const { state } = props;
  if (state.status === 'conflict') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('这份提案已在别处被修改')}
        description={t(
          '可能是您在另一台设备或另一个窗口中修改过。为避免互相覆盖，自动保存已暂停。重新加载将显示最新内容，本页未保存的修改会丢失，如需保留请先复制。',
        )}
        action={
          <Button size="small" type="primary" onClick={props.onReload}>
            {t('重新加载')}
          </Button>
        }
      />
    );
  }
  if (state.status === 'error') {
    return (
      <Typography.Text type="danger">
        <ExclamationCircleOutlined /> {t('自动保存失败')}：{t(state.error ?? '')}{' '}
        <Button size="small" type="link" onClick={props.onRetry}>
          {t('重试')}
        </Button>
      </Typography.Text>
    );
  }
  if (state.status === 'saving') {
    return (
      <Typography.Text type="secondary">
        <LoadingOutlined /> {t('正在保存…')}
      </Typography.Text>
    );
  }
  if (state.status === 'dirty') {
    return (
      <Typography.Text type="secondary">{t(props.created ? '有未保存的修改' : '填写案由后将自动保存为草稿')}</Typography.Text>
    );
  }
  if (state.savedAt) {
    return (
      <Typography.Text type="success">
        <CheckCircleOutlined /> {t('已自动保存')} {formatTime(state.savedAt)}
      </Typography.Text>
    );
  }
  return <Typography.Text type="secondary">{t(props.created ? '草稿已保存' : '填写案由后将自动保存为草稿')}</Typography.Text>;
}
