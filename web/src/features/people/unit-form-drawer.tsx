import { Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { isValidPhone, type Unit, type UnitKind, unitKindNames, unitKinds } from '../../../../contracts/people.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { reportFormError, useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { blanksToNull, changedFields } from '../../pages/admin/shared/form-values.ts';
import { UnitSelect } from './unit-select.tsx';
import { useSaveUnit } from './units-api.ts';

type UnitFormValues = {
  code: string;
  name: string;
  shortName: string | null;
  parentId: string | null;
  kind: UnitKind;
  contactName: string | null;
  contactPhone?: string;
  address: string | null;
  sortOrder: number;
};

const fieldNames = ['code', 'name', 'shortName', 'parentId', 'kind', 'contactName', 'contactPhone', 'address', 'sortOrder'];

function formValuesOf(unit: Unit | null): Partial<UnitFormValues> {
  if (!unit) return { kind: 'government', sortOrder: 0 };
  return {
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName,
    parentId: unit.parent?.id ?? null,
    kind: unit.kind,
    contactName: unit.contactName,
    address: unit.address,
    sortOrder: unit.sortOrder,
  };
}

/** The drawer that creates a handling unit (unit null) or edits one (changed fields only, If-Match). */
export function UnitFormDrawer(props: {
  open: boolean;
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<UnitFormValues>();
  const save = useSaveUnit();
  const size = useDrawerSize(560);
  const editing = props.unit !== null;

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(props.unit));
    }
  }, [props.open, props.unit, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const { contactPhone, ...rest } = values;
    try {
      let saved: Unit;
      if (props.unit) {
        const changes: Record<string, unknown> = changedFields(formValuesOf(props.unit), rest);
        if (contactPhone?.trim()) changes.contactPhone = contactPhone.trim();
        saved = await save.mutateAsync({ id: props.unit.id, version: props.unit.version, values: changes });
      } else {
        saved = await save.mutateAsync({
          values: {
            ...blanksToNull(rest),
            code: rest.code,
            name: rest.name,
            kind: rest.kind,
            sortOrder: rest.sortOrder ?? 0,
            contactPhone: contactPhone?.trim() || null,
          },
        });
      }
      props.onSaved(saved);
    } catch (error) {
      reportFormError(form, fieldNames, error, props.fail);
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={size}
      title={editing ? t('编辑承办单位') : t('新增承办单位')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('取消')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            {t('保存')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="code"
          label={t('单位编码')}
          rules={[
            { required: true, message: t('请输入单位编码') },
            { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('单位编码只能包含字母、数字、下划线和连字符，最长 32 位') },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('单位名称')} rules={[{ required: true, whitespace: true, message: t('请输入单位名称') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('简称')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="parentId" label={t('上级单位')}>
          <UnitSelect current={props.unit?.parent ?? null} excludeId={props.unit?.id} placeholder="无（顶级单位）" />
        </Form.Item>
        <Form.Item name="kind" label={t('单位类型')} rules={[{ required: true }]}>
          <Select options={unitKinds.map((kind) => ({ value: kind, label: t(unitKindNames[kind]) }))} />
        </Form.Item>
        <Form.Item name="contactName" label={t('联系人')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('联系电话')}
          extra={
            editing && props.unit?.contactPhoneMasked
              ? `${t('当前')}：${props.unit.contactPhoneMasked}，${t('留空则保持原值')}`
              : undefined
          }
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || isValidPhone(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('联系电话不正确（手机号 11 位，或带区号的座机如 0571-87654321）'))),
            },
          ]}
        >
          <Input maxLength={24} inputMode="tel" />
        </Form.Item>
        <Form.Item name="address" label={t('地址')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('排序号')} extra={t('数字越小越靠前')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
