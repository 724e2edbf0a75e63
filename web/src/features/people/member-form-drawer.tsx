import { Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { genderNames, genders, isValidIdNumber, isValidMobile, type Member } from '../../../../contracts/people.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { reportFormError, useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { blanksToNull, changedFields } from '../../pages/admin/shared/form-values.ts';
import { DictionarySelect } from '../orgs/dictionary-select.tsx';
import { useSaveMember } from './members-api.ts';

type MemberFormValues = {
  name: string;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  ethnicity: string | null;
  sectorId: string | null;
  partyId: string | null;
  committeeId: string | null;
  groupId: string | null;
  workplace: string | null;
  position: string | null;
  isStandingCommittee: boolean;
  idNumber?: string;
  mobile?: string;
};

const fieldNames = [
  'name',
  'gender',
  'birthYear',
  'ethnicity',
  'sectorId',
  'partyId',
  'committeeId',
  'groupId',
  'workplace',
  'position',
  'isStandingCommittee',
  'idNumber',
  'mobile',
] as const;

/** The form values of a member record (ID number and mobile start blank: blank keeps the stored value). */
function formValuesOf(member: Member | null): Partial<MemberFormValues> {
  if (!member) return { isStandingCommittee: false };
  return {
    name: member.name,
    gender: member.gender,
    birthYear: member.birthYear,
    ethnicity: member.ethnicity,
    sectorId: member.sector?.id ?? null,
    partyId: member.party?.id ?? null,
    committeeId: member.committee?.id ?? null,
    groupId: member.group?.id ?? null,
    workplace: member.workplace,
    position: member.position,
    isStandingCommittee: member.isStandingCommittee,
  };
}

/** The drawer that creates a member (member null) or edits one (sending only the changed fields, If-Match). */
export function MemberFormDrawer(props: {
  open: boolean;
  member: Member | null;
  onClose: () => void;
  onSaved: (member: Member) => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<MemberFormValues>();
  const save = useSaveMember();
  const size = useDrawerSize(560);
  const editing = props.member !== null;

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(props.member));
    }
  }, [props.open, props.member, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const { idNumber, mobile, ...rest } = values;
    try {
      let saved: Member;
      if (props.member) {
        const changes: Record<string, unknown> = changedFields(formValuesOf(props.member), rest);
        if (idNumber?.trim()) changes.idNumber = idNumber.trim();
        if (mobile?.trim()) changes.mobile = mobile.trim();
        saved = await save.mutateAsync({ id: props.member.id, version: props.member.version, values: changes });
      } else {
        saved = await save.mutateAsync({
          values: { ...blanksToNull(rest), name: rest.name, idNumber: idNumber?.trim() || null, mobile: mobile?.trim() || null },
        });
      }
      props.onSaved(saved);
    } catch (error) {
      reportFormError(form, fieldNames, error, props.fail);
    }
  };

  const keepHint = editing ? t('留空则保持原值') : undefined;
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={size}
      title={editing ? t('编辑委员') : t('新增委员')}
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
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="name"
          label={t('姓名')}
          rules={[{ required: true, whitespace: true, message: t('请输入姓名') }, { max: 50 }]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="gender" label={t('性别')}>
          <Select allowClear options={genders.map((gender) => ({ value: gender, label: t(genderNames[gender]) }))} />
        </Form.Item>
        <Form.Item name="birthYear" label={t('出生年份')}>
          <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('民族')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="sectorId" label={t('界别')}>
          <DictionarySelect kind="sector" />
        </Form.Item>
        <Form.Item name="partyId" label={t('党派')}>
          <DictionarySelect kind="party" />
        </Form.Item>
        <Form.Item name="committeeId" label={t('专委会')}>
          <DictionarySelect kind="committee" />
        </Form.Item>
        <Form.Item name="groupId" label={t('委员小组')}>
          <DictionarySelect kind="group" />
        </Form.Item>
        <Form.Item name="workplace" label={t('工作单位')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="position" label={t('职务')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="isStandingCommittee" valuePropName="checked">
          <Checkbox>{t('政协常委')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('身份证号')}
          extra={editing && props.member?.idNumberMasked ? `${t('当前')}：${props.member.idNumberMasked}，${keepHint}` : keepHint}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || isValidIdNumber(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('身份证号不正确（应为 18 位，且出生日期和校验位有效）'))),
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('手机号')}
          extra={editing && props.member?.mobileMasked ? `${t('当前')}：${props.member.mobileMasked}，${keepHint}` : keepHint}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || isValidMobile(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('手机号不正确（应为 11 位，以 13–19 开头）'))),
            },
          ]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
