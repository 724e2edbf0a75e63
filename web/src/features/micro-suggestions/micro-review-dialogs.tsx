/**
 * The office's intake decisions on a micro-suggestion: 受理 (with the category it is filed under), 不予受理 (the
 * reason the member reads), 合并 (into a similar item the server found, or one searched by title), 转为提案 (a
 * proposal draft for the member), 委员领办, and 撤回公开.
 */
import { Alert, Empty, Flex, Form, Input, Radio, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useText } from '../../lib/i18n.tsx';
import { DictionarySelect } from '../orgs/dictionary-select.tsx';
import { useDebouncedValue } from '../proposals/use-debounced-value.ts';
import { MicroActionDialog, type MicroDialogProps, useMicroActionSubmit } from './micro-action-dialog.tsx';
import { useMicroList, useSimilarMicros, useUnitSuggestions } from './micro-api.ts';
import { MicroStateTag } from './micro-state-tag.tsx';

/** A trimmed optional text, or undefined when blank. */
function optional(text: string | undefined): string | undefined {
  const value = text?.trim();
  return value ? value : undefined;
}

/** 受理: optionally files it under a category (the routing model's suggestions first) with a note. */
export function AcceptDialog({ item, open, onClose, onDone }: MicroDialogProps) {
  const t = useText();
  const [form] = Form.useForm<{ categoryId?: string | null; note?: string }>();
  const action = useMicroActionSubmit(item, 'accept');
  const suggestions = useUnitSuggestions(open ? item.id : null);
  const categories = suggestions.data?.categories ?? [];
  const chosen = Form.useWatch('categoryId', form);
  const ok = async () => {
    const values = await form.validateFields();
    const body = { categoryId: values.categoryId ?? undefined, note: optional(values.note) };
    const updated = await action.submit(body, form, ['categoryId', 'note']);
    if (updated) onDone(updated, '已受理');
  };
  return (
    <MicroActionDialog open={open} title="受理微建议" okText="受理" item={item} {...action} onOk={ok} onClose={onClose}>
      <Typography.Paragraph type="secondary">{t('受理后可转交承办单位办理，或由委员领办。')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ categoryId: item.categoryId }}>
        <Form.Item name="categoryId" label={t('领域（可选）')}>
          <DictionarySelect kind="proposal_category" placeholder="请选择领域" style={{ width: '100%' }} />
        </Form.Item>
        {categories.length > 0 ? (
          <Flex gap={6} wrap style={{ marginTop: -12, marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('建议领域')}：</Typography.Text>
            {categories.slice(0, 3).map((category) => (
              <Tag.CheckableTag
                key={category.categoryId}
                checked={chosen === category.categoryId}
                onChange={() => form.setFieldValue('categoryId', category.categoryId)}
              >
                {t(category.categoryName)}
              </Tag.CheckableTag>
            ))}
          </Flex>
        ) : null}
        <Form.Item name="note" label={t('说明（可选）')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </MicroActionDialog>
  );
}

/** 不予受理: the reason is required; the member reads it. */
export function DeclineDialog({ item, open, onClose, onDone }: MicroDialogProps) {
  const t = useText();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useMicroActionSubmit(item, 'decline');
  const ok = async () => {
    const values = await form.validateFields();
    const updated = await action.submit({ reason: values.reason.trim() }, form, ['reason']);
    if (updated) onDone(updated, '已不予受理，委员将收到理由');
  };
  return (
    <MicroActionDialog
      open={open}
      title="不予受理"
      okText="确认不予受理"
      danger
      item={item}
      {...action}
      onOk={ok}
      onClose={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('理由（委员可见）')}
          rules={[{ required: true, whitespace: true, message: t('请填写不予受理的理由') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            showCount
            placeholder={t('如：属于个人诉求，建议通过12345热线反映')}
          />
        </Form.Item>
      </Form>
    </MicroActionDialog>
  );
}

/** "第2026-0003号 幸福路路灯不亮（城关街道）" */
function targetText(target: { number: string | null; title: string; place: string }): string {
  return `${target.number ? `第${target.number}号 ` : ''}${target.title}${target.place ? `（${target.place}）` : ''}`;
}

/** 合并: the similar items the server found (those that may take a merge), or one searched by its title. */
export function MergeDialog({ item, open, onClose, onDone }: MicroDialogProps) {
  const t = useText();
  const [form] = Form.useForm<{ targetId?: string; reason?: string }>();
  const action = useMicroActionSubmit(item, 'merge');
  const similar = useSimilarMicros(open ? item.id : null);
  const [search, setSearch] = useState('');
  const words = useDebouncedValue(search.trim(), 300);
  const searched = useMicroList({ q: words }, undefined, 20, open && words.length > 0);
  const candidates = (similar.data ?? []).filter((entry) => entry.id !== item.id);
  const mergeable = candidates.filter((entry) => entry.canMergeInto);
  const ok = async () => {
    const values = await form.validateFields();
    const updated = await action.submit({ targetId: values.targetId, reason: optional(values.reason) }, form, [
      'targetId',
      'reason',
    ]);
    if (updated) onDone(updated, '已合并，委员将收到合并后的办理结果');
  };
  return (
    <MicroActionDialog
      open={open}
      title="合并到相似的微建议"
      okText="确认合并"
      item={item}
      width={640}
      {...action}
      onOk={ok}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('同一件事的微建议合并办理：本件的委员一并收到目标微建议的办理结果。')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="targetId"
          label={t('合并到')}
          rules={[{ required: true, message: t('请选择要合并到的微建议') }]}
          style={{ marginBottom: 12 }}
        >
          <Radio.Group style={{ width: '100%' }}>
            {similar.isLoading ? <Spin /> : null}
            {!similar.isLoading && candidates.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有找到相似的微建议，可在下方按标题搜索')} />
            ) : null}
            <Flex vertical gap={8}>
              {candidates.map((entry) => (
                <Radio key={entry.id} value={entry.id} disabled={!entry.canMergeInto}>
                  <Flex vertical gap={2}>
                    <Typography.Text>{targetText(entry)}</Typography.Text>
                    <Flex gap={6} wrap align="center">
                      <MicroStateTag state={entry.state} name={entry.stateName} />
                      <Tag color="gold">
                        {t('相似度')} {Math.round(entry.score * 100)}%
                      </Tag>
                      {entry.sharedTerms.slice(0, 4).map((term) => (
                        <Tag key={term}>{term}</Tag>
                      ))}
                      {entry.canMergeInto ? null : (
                        <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                          {t('已办结或已结束，不能合并')}
                        </Typography.Text>
                      )}
                    </Flex>
                  </Flex>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('或按标题、编号搜索')}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            allowClear
            placeholder={t('输入标题中的词')}
            loading={searched.isFetching}
            notFoundContent={words ? t('没有找到') : t('输入后搜索')}
            onChange={(value: string | undefined) => form.setFieldValue('targetId', value)}
            options={(searched.data?.items ?? [])
              .filter((entry) => entry.id !== item.id && !mergeable.some((candidate) => candidate.id === entry.id))
              .map((entry) => ({ value: entry.id, label: `${targetText(entry)} · ${entry.stateName}` }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('说明（可选）')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </MicroActionDialog>
  );
}

/** 转为提案: the member gets a proposal draft with this text, to complete and submit. */
export function ConvertDialog({ item, open, onClose, onDone }: MicroDialogProps) {
  const t = useText();
  const [form] = Form.useForm<{ reason?: string }>();
  const action = useMicroActionSubmit(item, 'convert');
  const ok = async () => {
    const values = await form.validateFields();
    const updated = await action.submit({ reason: optional(values.reason) }, form, ['reason']);
    if (updated) onDone(updated, '已转为提案草稿，委员可补充完善后提交');
  };
  return (
    <MicroActionDialog open={open} title="转为提案" okText="确认转为提案" item={item} {...action} onOk={ok} onClose={onClose}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('问题涉及面较广、需要深入研究时，可转为提案。')}
        description={t('系统为委员生成一份提案草稿（标题和内容取自本微建议），由委员补充完善后提交；本微建议随之结束。')}
      />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('说明（可选，委员可见）')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </MicroActionDialog>
  );
}

/** 委员领办: the member handles it and reports the result. */
export function TakeOnDialog({ item, open, onClose, onDone }: MicroDialogProps) {
  const t = useText();
  const [form] = Form.useForm<{ note?: string }>();
  const action = useMicroActionSubmit(item, 'take_on');
  const ok = async () => {
    const values = await form.validateFields();
    const updated = await action.submit({ note: optional(values.note) }, form, ['note']);
    if (updated) onDone(updated, '已由委员领办');
  };
  return (
    <MicroActionDialog open={open} title="委员领办" okText="确认由委员领办" item={item} {...action} onOk={ok} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        {t('由提出的委员')}（{item.leadMemberName}）{t('牵头协调解决，办结后由委员报告办理结果。')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('说明（可选）')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </MicroActionDialog>
  );
}

/** 撤回公开: takes the public copy off the portal. */
export function UnpublishDialog({ item, open, onClose, onDone }: MicroDialogProps) {
  const t = useText();
  const [form] = Form.useForm<{ reason?: string }>();
  const action = useMicroActionSubmit(item, 'unpublish');
  const ok = async () => {
    const values = await form.validateFields();
    const updated = await action.submit({ reason: optional(values.reason) }, form, ['reason']);
    if (updated) onDone(updated, '已撤回公开');
  };
  return (
    <MicroActionDialog open={open} title="撤回公开" okText="确认撤回" danger item={item} {...action} onOk={ok} onClose={onClose}>
      <Typography.Paragraph type="secondary">{t('撤回后门户上不再显示这件微建议。')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('说明（可选）')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </MicroActionDialog>
  );
}
