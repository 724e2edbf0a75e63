/** 并案: merges a proposal into a filed (or assigned) one on the same matter; its proposers keep the credit. */
import { Form, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { ActionDialog, useActionSubmit } from './action-dialog.tsx';
import type { OfficeActionFormProps } from './office-action-types.ts';
import { type SimilarProposal, useMergeTargets, useSimilarProposals } from './review-api.ts';

/** The states a merge target may be in. */
export const mergeTargetStates = new Set(['filed', 'assigned']);

/** The similar proposals a proposal may be merged into (filed or assigned ones; never imported history). */
export function mergeableSimilar(items: readonly SimilarProposal[] | undefined): SimilarProposal[] {
  return (items ?? []).filter((item) => item.type !== 'history' && item.state !== null && mergeTargetStates.has(item.state));
}

/** "第0003号 关于……" */
function targetLabel(item: { number: string | null; title: string }): string {
  return item.number ? `第${item.number}号 ${item.title}` : item.title;
}

/** A searchable select of filed and assigned proposals, with the similar ones first. */
export function MergeTargetSelect(props: {
  excludeId: string;
  title: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const targets = useMergeTargets(search, props.excludeId);
  const similar = mergeableSimilar(useSimilarProposals(props.title, props.excludeId).data);
  const similarIds = new Set(similar.map((item) => item.id));
  const options = [
    ...(similar.length > 0 && !search.trim()
      ? [
          {
            label: t('相似提案'),
            options: similar.map((item) => ({
              value: item.id,
              label: (
                <span>
                  {t(targetLabel(item))} <Tag color="gold">{Math.round(item.score * 100)}%</Tag>
                </span>
              ),
              text: targetLabel(item),
            })),
          },
        ]
      : []),
    {
      label: t('已立案提案'),
      options: (targets.data ?? [])
        .filter((item) => search.trim() || !similarIds.has(item.id))
        .map((item) => ({ value: item.id, label: t(targetLabel(item)), text: targetLabel(item) })),
    },
  ];
  return (
    <Select
      id={props.id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={targets.isFetching}
      value={props.value}
      onChange={props.onChange}
      placeholder={t('输入案由或提案号搜索')}
      options={options}
      optionLabelProp="text"
      style={{ width: '100%' }}
      notFoundContent={targets.isFetching ? t('加载中…') : t('没有可并入的提案')}
    />
  );
}

/** The merge dialog; `initialTargetId` pre-selects the target (一键并入 from the similar list). */
export function MergeDialog(props: OfficeActionFormProps & { initialTargetId?: string }) {
  const { proposal, open, onClose, onDone } = props;
  const t = useT();
  const [form] = Form.useForm<{ targetId: string; reason?: string }>();
  const action = useActionSubmit(proposal, 'merge', onDone);
  const ok = async () => {
    const values = await form.validateFields();
    await action.submit({ targetId: values.targetId, ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}) }, form, [
      'targetId',
      'reason',
    ]);
  };
  return (
    <ActionDialog open={open} title="并案" okText="确认并案" proposal={proposal} {...action} onOk={ok} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        {t('并案后，本提案的提案人都计为并入提案的提案人，并收到同一份答复。')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ targetId: props.initialTargetId }}>
        <Form.Item name="targetId" label={t('并入的提案')} rules={[{ required: true, message: t('请选择要并入的提案') }]}>
          <MergeTargetSelect excludeId={proposal.id} title={proposal.title} />
        </Form.Item>
        <Form.Item name="reason" label={t('并案说明（可选）')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
