import { Alert, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  type Station,
  type StationCreateInput,
  type StationKind,
  stationKindNames,
  stationKinds,
} from '../../../../contracts/stations.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors, useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { MemberMultiSelect } from '../people/member-select.tsx';
import { useCreateStation, useSubmissionKey, useUpdateStation } from './stations-api.ts';

type FormValues = {
  name: string;
  kind: StationKind;
  address: string;
  openingHours: string;
  description?: string | null;
  memberIds: string[];
  active: boolean;
  sortOrder?: number;
};

const fieldNames = ['name', 'kind', 'address', 'openingHours', 'description', 'memberIds', 'active', 'sortOrder'];

function valuesOf(station: Station | null): Partial<FormValues> {
  if (!station) return { kind: 'station', memberIds: [], active: true };
  return {
    name: station.name,
    kind: station.kind,
    address: station.address,
    openingHours: station.openingHours,
    description: station.description,
    memberIds: station.members.map((member) => member.id),
    active: station.active,
    sortOrder: station.sortOrder,
  };
}

/**
 * Adds or edits a liaison station or member studio (the office): name, kind, address, opening hours, the attached
 * members. The staff accounts are opened and linked by the system administrator, so they are only listed here.
 */
export function StationFormDrawer(props: {
  open: boolean;
  station: Station | null;
  onClose: () => void;
  onSaved: (station: Station, created: boolean) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateStation();
  const update = useUpdateStation();
  const size = useDrawerSize(600);
  const [problem, setProblem] = useState<string | null>(null);
  const submission = useSubmissionKey();
  const editing = props.station !== null;

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(valuesOf(props.station));
      setProblem(null);
    }
  }, [props.open, props.station, form]);

  const submit = async () => {
    setProblem(null);
    const values = await form.validateFields();
    const body: StationCreateInput = {
      name: values.name.trim(),
      kind: values.kind,
      address: values.address.trim(),
      openingHours: values.openingHours.trim(),
      description: values.description?.trim() || null,
      memberIds: values.memberIds ?? [],
      ...(values.sortOrder === undefined || values.sortOrder === null ? {} : { sortOrder: values.sortOrder }),
    };
    try {
      if (props.station) {
        const saved = await update.mutateAsync({
          id: props.station.id,
          version: props.station.version,
          body: { ...body, active: values.active },
        });
        props.onSaved(saved, false);
      } else {
        const created = await create.mutateAsync({ body, idempotencyKey: submission.key() });
        submission.settle();
        props.onSaved(created, true);
      }
    } catch (error) {
      submission.settle(error);
      showServerFieldErrors(form, fieldNames, error);
      setProblem(t(errorMessage(error)));
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={size}
      title={editing ? t('编辑联络站') : t('新增联络站或工作室')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('取消')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={submit}>
            {t('保存')}
          </Button>
        </Space>
      }
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('类型')} rules={[{ required: true, message: t('请选择类型') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={stationKinds.map((kind) => ({ value: kind, label: t(stationKindNames[kind]) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true, message: t('请输入名称') }]}>
          <Input maxLength={60} placeholder={t('如：城关街道委员联络站、张三委员工作室')} />
        </Form.Item>
        <Form.Item name="address" label={t('地址')} rules={[{ required: true, whitespace: true, message: t('请输入地址') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="openingHours"
          label={t('开放时间')}
          rules={[{ required: true, whitespace: true, message: t('请输入开放时间') }]}
        >
          <Input maxLength={200} placeholder={t('如：每周二、周四 9:00–11:30')} />
        </Form.Item>
        <Form.Item name="description" label={t('简介')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} showCount />
        </Form.Item>
        <Form.Item name="memberIds" label={t('驻站委员')} extra={t('接待日安排和来访登记的到场委员从驻站委员中选择')}>
          {/* Chosen members are named by the station until the search loads them. */}
          <StationMemberPicker current={props.station?.members ?? []} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('排序')} extra={t('数字小的排在前面')}>
          <InputNumber min={0} max={100000} style={{ width: 160 }} />
        </Form.Item>
        {editing ? (
          <Form.Item
            name="active"
            label={t('在用')}
            valuePropName="checked"
            extra={t('停用后不再在门户显示，也不能再登记来访或安排接待日')}
          >
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
      {editing ? (
        <div>
          <Typography.Text strong>{t('工作人员账户')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {props.station?.staff.length
              ? props.station.staff.map((person) => person.name).join('、')
              : t('暂无。请系统管理员在“用户与角色”中新建账户，角色选“联络站工作人员”，并关联本站。')}
          </Typography.Paragraph>
        </div>
      ) : null}
    </Drawer>
  );
}

/** The attached members: those already attached stay named; more are found by name. */
function StationMemberPicker(props: {
  value?: string[];
  onChange?: (value: string[]) => void;
  current: { id: string; name: string }[];
  id?: string;
}) {
  const t = useT();
  const known = new Map(props.current.map((member) => [member.id, member.name]));
  const chosen = props.value ?? [];
  const fromStation = chosen.filter((id) => known.has(id));
  const others = chosen.filter((id) => !known.has(id));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {known.size > 0 ? (
        <Select
          id={props.id}
          mode="multiple"
          value={fromStation}
          aria-label={t('现有驻站委员')}
          onChange={(kept: string[]) => props.onChange?.([...kept, ...others])}
          options={[...known].map(([value, label]) => ({ value, label }))}
          style={{ width: '100%' }}
        />
      ) : null}
      <MemberMultiSelect
        value={others}
        exclude={fromStation}
        onChange={(added) => props.onChange?.([...fromStation, ...added])}
      />
    </Space>
  );
}
