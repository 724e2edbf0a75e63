import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { formatTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import type { AutosaveState } from '../proposals/autosave-state.ts';

/** The small line that says where autosave stands (已自动保存 hh:mm); a conflict becomes an alert with 重新加载. */
export function MicroAutosaveNote(props: { state: AutosaveState; created: boolean; onRetry: () => void; onReload: () => void }) {
  const t = useText();
  const { state } = props;
  const small = { fontSize: '0.9em' };
  if (state.status === 'conflict') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('这件微建议已在别处被修改')}
        description={t('可能是在另一部手机或另一个窗口中改过。自动保存已暂停，请重新加载最新内容（本页未保存的修改会丢失）。')}
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
      <Typography.Text type="danger" style={small}>
        <ExclamationCircleOutlined /> {t('自动保存失败')}：{t(state.error ?? '')}{' '}
        <Button size="small" type="link" onClick={props.onRetry} style={{ paddingInline: 0 }}>
          {t('重试')}
        </Button>
      </Typography.Text>
    );
  }
  if (state.status === 'saving') {
    return (
      <Typography.Text type="secondary" style={small}>
        <LoadingOutlined /> {t('正在保存…')}
      </Typography.Text>
    );
  }
  if (state.status === 'dirty') {
    return (
      <Typography.Text type="secondary" style={small}>
        {t(props.created ? '有未保存的修改' : '填写标题后自动保存为草稿')}
      </Typography.Text>
    );
  }
  if (state.savedAt) {
    return (
      <Typography.Text type="success" style={small} role="status">
        <CheckCircleOutlined /> {t('已自动保存')} {formatTime(state.savedAt)}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" style={small}>
      {t(props.created ? '草稿已保存' : '填写标题后自动保存为草稿')}
    </Typography.Text>
  );
}
