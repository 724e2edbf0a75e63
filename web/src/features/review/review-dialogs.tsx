/** The dialogs of 立案, 不予立案, 退回修改 and 转为其他形式 on one proposal. */
import { Button, Checkbox, Form, Input, Radio, Typography } from 'antd';
import { conversionTargetNames, conversionTargets } from '../../../../contracts/proposals.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { DictionarySelect } from '../orgs/dictionary-select.tsx';
import { useDictionary } from '../orgs/orgs-api.ts';
import { ActionDialog, useActionSubmit } from './action-dialog.tsx';
import type { OfficeActionFormProps } from './office-action-types.ts';

/**
 * 立案: files the proposal; the server gives it the next number of the session. The category starts as the one the
 * office chose in the drawer (a suggestion) or the proposer's, and may be any active category of the committee;
 * it is sent only when it differs from the current one.
 */
export function FileDialog({
  proposal,
  open,
  onClose,
  onDone,
  initialCategoryId,
}: OfficeActionFormProps & { initialCategoryId?: string }) {
  const t = useT();
  const [form] = Form.useForm<{ note?: string; categoryId?: string | null }>();
  const action = useActionSubmit(proposal, 'file', onDone);
  const categories = useDictionary('proposal_category');
  const categoryId = Form.useWatch('categoryId', form);
  const nameOf = (id: string | null | undefined) => categories.data?.find((entry) => entry.id === id)?.name ?? '—';
  const changed = Boolean(categoryId) && categoryId !== proposal.categoryId;
  const ok = async () => {
    const values = await form.validateFields();
    const body: { note?: string; categoryId?: string } = {};
    if (values.note?.trim()) body.note = values.note.trim();
    if (values.categoryId && values.categoryId !== proposal.categoryId) body.categoryId = values.categoryId;
    await action.submit(body, form, ['note', 'categoryId']);
  };
  return (
    <ActionDialog open={open} title="立案" okText="确认立案" proposal={proposal} {...action} onOk={ok} onClose={onClose}>
      <Typography.Paragraph>{t('立案后系统按本次会议顺序自动编号，提案人将收到通知。')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ categoryId: initialCategoryId ?? proposal.categoryId ?? undefined }}>
        <Form.Item
          name="categoryId"
          label={t('立案类别')}
          extra={
            changed
              ? `${t('将按')}“${t(nameOf(categoryId))}”${t('立案')}（${t('原类别')}：${t(nameOf(proposal.categoryId))}）`
              : categoryId
                ? t('与提案人选择的类别一致')
                : t('提案人未选择类别，可在此指定（也可不选）')
          }
        >
          <DictionarySelect kind="proposal_category" placeholder="不指定类别" style={{ width: '100%' }} />
        </Form.Item>
        {changed ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, marginTop: -12, marginBottom: 12 }}
            onClick={() => form.setFieldValue('categoryId', proposal.categoryId ?? undefined)}
          >
            {t('恢复原类别')}
          </Button>
        ) : null}
        <Form.Item name="note" label={t('备注（可选）')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** 不予立案: a reason code from the rejection_reason dictionary and the reason told to the proposer. */
export function RejectDialog({ proposal, open, onClose, onDone }: OfficeActionFormProps) {
  const t = useT();
  const [form] = Form.useForm<{ reasonCodeId: string; reason: string }>();
  const action = useActionSubmit(proposal, 'reject', onDone);
  const ok = async () => {
    const values = await form.validateFields();
    await action.submit({ reasonCodeId: values.reasonCodeId, reason: values.reason.trim() }, form, ['reasonCodeId', 'reason']);
  };
  return (
    <ActionDialog
      open={open}
      title="不予立案"
      okText="确认不予立案"
      danger
      proposal={proposal}
      {...action}
      onOk={ok}
      onClose={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reasonCodeId" label={t('不予立案理由类别')} rules={[{ required: true, message: t('请选择理由类别') }]}>
          <DictionarySelect kind="rejection_reason" placeholder="请选择" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('具体理由（将告知提案人）')}
          rules={[{ required: true, whitespace: true, message: t('请填写不予立案的理由') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** 退回修改: sends the proposal back to the proposer with the office's comments. */
export function ReturnDialog({ proposal, open, onClose, onDone }: OfficeActionFormProps) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useActionSubmit(proposal, 'return', onDone);
  const ok = async () => {
    const values = await form.validateFields();
    await action.submit({ reason: values.reason.trim() }, form, ['reason']);
  };
  return (
    <ActionDialog open={open} title="退回修改" okText="确认退回" proposal={proposal} {...action} onOk={ok} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('修改意见（将告知提案人）')}
          rules={[{ required: true, whitespace: true, message: t('请填写退回修改的意见') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('例如：建议部分不够具体，请补充可操作的措施')} />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

type ConvertValues = { to: (typeof conversionTargets)[number]; given: boolean; note: string; reason?: string };

/** 转: turns the proposal into an opinion report or a letter, with the proposer's recorded consent. */
export function ConvertDialog({ proposal, open, onClose, onDone }: OfficeActionFormProps) {
  const t = useT();
  const [form] = Form.useForm<ConvertValues>();
  const action = useActionSubmit(proposal, 'convert', onDone);
  const ok = async () => {
    const values = await form.validateFields();
    await action.submit(
      {
        to: values.to,
        consent: { given: true, note: values.note.trim() },
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      },
      form,
      ['to', 'reason'],
    );
  };
  return (
    <ActionDialog open={open} title="转为其他形式" okText="确认转办" proposal={proposal} {...action} onOk={ok} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ to: 'opinion_report', given: false }}>
        <Form.Item name="to" label={t('转为')} rules={[{ required: true, message: t('请选择转为的形式') }]}>
          <Radio.Group
            options={conversionTargets.map((target) => ({ value: target, label: t(conversionTargetNames[target]) }))}
          />
        </Form.Item>
        <Form.Item
          name="given"
          valuePropName="checked"
          rules={[
            {
              validator: (_rule, value) =>
                value ? Promise.resolve() : Promise.reject(new Error(t('转为其他形式须征得提案人同意'))),
            },
          ]}
        >
          <Checkbox>{t('已征得提案人同意')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('同意的方式')}
          rules={[{ required: true, whitespace: true, message: t('请记录提案人同意的方式') }]}
        >
          <Input maxLength={500} placeholder={t('例如：12月1日电话联系提案人，本人同意')} />
        </Form.Item>
        <Form.Item name="reason" label={t('说明（可选）')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
