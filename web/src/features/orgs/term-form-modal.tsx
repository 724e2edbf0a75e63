import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import type { Term } from '../../../../contracts/orgs.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { reportFormError } from '../../pages/admin/shared/admin-ui.tsx';
import { changedFields } from '../../pages/admin/shared/form-values.ts';
import { DateField } from './date-field.tsx';
import { useSaveTerm } from './orgs-api.ts';

type TermFormValues = { number: number; name: string; startsOn: string; endsOn: string | null };
const fieldNames = ['number', 'name', 'startsOn', 'endsOn'];

function formValuesOf(term: Term | null): Partial<TermFormValues> {
  return term ? { number: term.number, name: term.name, startsOn: term.startsOn, endsOn: term.endsOn } : { endsOn: null };
}

/** Creates a term (term null) or edits one (changed fields only, If-Match). */
export function TermFormModal(props: {
  open: boolean;
  term: Term | null;
  onClose: () => void;
  onSaved: () => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<TermFormValues>();
  const save = useSaveTerm();

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(props.term));
    }
  }, [props.open, props.term, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (props.term) {
        await save.mutateAsync({
          id: props.term.id,
          version: props.term.version,
          values: changedFields(formValuesOf(props.term), values),
        });
      } else {
        await save.mutateAsync({ values: { ...values, name: values.name.trim(), endsOn: values.endsOn ?? undefined } });
      }
      props.onSaved();
    } catch (error) {
      reportFormError(form, fieldNames, error, props.fail);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.term ? t('编辑届次') : t('新增届次')}
      okText={t('保存')}
      cancelText={t('取消')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="number" label={t('第几届')} rules={[{ required: true, message: t('请输入届次') }]}>
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('名称')}
          rules={[{ required: true, whitespace: true, message: t('请输入名称，如“第十届”') }]}
        >
          <Input maxLength={50} placeholder={t('如：第十届')} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('开始日期')} rules={[{ required: true, message: t('请选择开始日期') }]}>
          <DateField allowClear={false} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('结束日期')}
          dependencies={['startsOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | null) =>
                !value || !getFieldValue('startsOn') || value >= getFieldValue('startsOn')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('结束日期不能早于开始日期'))),
            }),
          ]}
        >
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
