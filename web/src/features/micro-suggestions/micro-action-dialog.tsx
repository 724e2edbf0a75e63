/**
 * The frame every office decision on a micro-suggestion opens in: a dialog (full width on a phone) with the item's
 * title, the form, the server's answer when it refuses (field errors under their fields), and one hook that posts
 * the action with the item's version (If-Match). A version conflict reloads the item and says so.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, type FormInstance, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { MicroSuggestion } from '../../../../contracts/micro-suggestions.ts';
import { usePhone } from '../../app/use-phone.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { microDetailKey, useMicroAction } from './micro-api.ts';
import { isVersionConflict } from './use-micro-autosave.ts';

/** What every dialog of an action receives. */
export type MicroDialogProps = {
  item: MicroSuggestion;
  open: boolean;
  onClose: () => void;
  /** Called with the updated item and the message to show. */
  onDone: (item: MicroSuggestion, message: string) => void;
};

/** Posts one action of the item; `submit` answers true when it went through. */
export function useMicroActionSubmit(item: MicroSuggestion, action: string) {
  const mutation = useMicroAction();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const submit = async (body: unknown, form?: FormInstance, fields: readonly string[] = []): Promise<MicroSuggestion | null> => {
    setError(null);
    try {
      return await mutation.mutateAsync({ id: item.id, version: item.version, action, body });
    } catch (failure) {
      if (isVersionConflict(failure)) {
        setError('这件微建议已被他人处理，已刷新为最新内容，请确认后再操作');
        void client.invalidateQueries({ queryKey: microDetailKey(item.id) });
        return null;
      }
      if (form && failure instanceof ApiError) {
        const known = failure.errors.filter((entry) => fields.includes(entry.field));
        if (known.length > 0) form.setFields(known.map((entry) => ({ name: entry.field, errors: [entry.message] })));
      }
      setError(errorMessage(failure));
      return null;
    }
  };
  return { submit, pending: mutation.isPending, error, clearError: () => setError(null) };
}

/** The dialog frame. */
export function MicroActionDialog(props: {
  open: boolean;
  title: string;
  okText: string;
  item: MicroSuggestion;
  danger?: boolean;
  pending: boolean;
  error: string | null;
  okDisabled?: boolean;
  width?: number;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useText();
  const phone = usePhone();
  return (
    <Modal
      open={props.open}
      title={t(props.title)}
      okText={t(props.okText)}
      cancelText={t('取消')}
      okButtonProps={{ danger: props.danger, loading: props.pending, disabled: props.okDisabled }}
      onOk={props.onOk}
      onCancel={props.onClose}
      width={phone ? '100%' : (props.width ?? 560)}
      style={phone ? { top: 12, maxWidth: 'calc(100vw - 16px)', paddingBottom: 0 } : undefined}
      destroyOnHidden
    >
      <Typography.Paragraph strong style={{ marginBottom: 12 }}>
        {props.item.number ? `${t('第')}${props.item.number}${t('号')} ` : ''}
        {props.item.title}
      </Typography.Paragraph>
      {props.children}
      {props.error ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={t(props.error)} /> : null}
    </Modal>
  );
}
