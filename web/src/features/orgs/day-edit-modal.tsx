import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import type { CalendarDay } from '../../../../contracts/orgs.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { dayStatus } from './calendar-grid.ts';
import { useSetCalendarDay } from './orgs-api.ts';

type Choice = 'holiday' | 'workday' | 'default';

/** Sets one day to 放假 or 调休上班, or back to the Monday-to-Friday rule. */
export function DayEditModal(props: {
  date: string | null;
  special: ReadonlyMap<string, CalendarDay>;
  canEdit: boolean;
  onClose: () => void;
  ok: (text: string) => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ choice: Choice; name: string }>();
  const save = useSetCalendarDay();
  const marked = props.date ? props.special.get(props.date) : undefined;
  const choice = Form.useWatch('choice', form);

  useEffect(() => {
    if (props.date) form.setFieldsValue({ choice: marked?.kind ?? 'default', name: marked?.name ?? '' });
  }, [props.date, marked, form]);

  const submit = async () => {
    if (!props.date) return;
    const values = await form.validateFields();
    try {
      await save.mutateAsync({
        day: props.date,
        kind: values.choice === 'default' ? null : values.choice,
        name: values.name?.trim() ?? '',
      });
      props.ok(values.choice === 'default' ? '已恢复为默认安排' : '已保存');
      props.onClose();
    } catch (error) {
      props.fail(error);
    }
  };

  const weekend = props.date ? dayStatus(props.date, new Map()) === 'weekend' : false;
  return (
    <Modal
      open={props.date !== null}
      title={props.date ? formatDate(props.date) : ''}
      okText={t('保存')}
      cancelText={t('取消')}
      okButtonProps={{ disabled: !props.canEdit }}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {weekend ? t('这一天按默认是周末（休息）。') : t('这一天按默认是工作日。')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!props.canEdit}>
        <Form.Item name="choice" label={t('安排')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'default', label: t('默认') },
              { value: 'holiday', label: t('放假') },
              { value: 'workday', label: t('调休上班') },
            ]}
          />
        </Form.Item>
        {choice && choice !== 'default' ? (
          <Form.Item name="name" label={t('名称')} extra={t('如：国庆节、春节调休')}>
            <Input maxLength={50} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
