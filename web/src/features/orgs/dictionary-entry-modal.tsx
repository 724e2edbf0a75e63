import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { type DictionaryEntry, type DictionaryKind, dictionaryKindNames } from '../../../../contracts/orgs.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { reportFormError } from '../../pages/admin/shared/admin-ui.tsx';
import { changedFields } from '../../pages/admin/shared/form-values.ts';
import { useSaveDictionaryEntry } from './orgs-api.ts';

type EntryFormValues = { code?: string; name: string; description: string | null; sortOrder: number | null };
const fieldNames = ['code', 'name', 'description', 'sortOrder'];

function formValuesOf(entry: DictionaryEntry | null): Partial<EntryFormValues> {
  return entry ? { name: entry.name, description: entry.description, sortOrder: entry.sortOrder } : {};
}

/** Adds an entry to a dictionary (entry null) or renames / reorders one; the code is fixed once created. */
export function DictionaryEntryModal(props: {
  open: boolean;
  kind: DictionaryKind;
  entry: DictionaryEntry | null;
  onClose: () => void;
  onSaved: () => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<EntryFormValues>();
  const save = useSaveDictionaryEntry();

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(props.entry));
    }
  }, [props.open, props.entry, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const description = values.description?.trim() || null;
    try {
      if (props.entry) {
        const { code: _code, ...rest } = values;
        const changes = changedFields(formValuesOf(props.entry), { ...rest, description });
        const { sortOrder, ...others } = changes;
        await save.mutateAsync({
          id: props.entry.id,
          version: props.entry.version,
          values: { ...others, ...(typeof sortOrder === 'number' ? { sortOrder } : {}) },
        });
      } else {
        await save.mutateAsync({
          values: {
            kind: props.kind,
            code: values.code?.trim() || undefined,
            name: values.name.trim(),
            description,
            sortOrder: values.sortOrder ?? undefined,
          },
        });
      }
      props.onSaved();
    } catch (error) {
      reportFormError(form, fieldNames, error, props.fail);
    }
  };

  const kindName = t(dictionaryKindNames[props.kind]);
  return (
    <Modal
      open={props.open}
      title={props.entry ? `${t('编辑')}${kindName}` : `${t('新增')}${kindName}`}
      okText={t('保存')}
      cancelText={t('取消')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {props.entry ? (
          <Form.Item label={t('代码')}>
            <Input value={props.entry.code} disabled />
          </Form.Item>
        ) : (
          <Form.Item
            name="code"
            label={t('代码')}
            extra={t('可留空，自动编号；创建后不能修改')}
            rules={[{ pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('代码应为 1–32 位字母、数字、下划线或连字符') }]}
          >
            <Input maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true, message: t('请输入名称') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('说明')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('排序号')} extra={t('数字越小越靠前；留空排在最后')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
