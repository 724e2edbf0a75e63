/** 登记表彰: the office records an excellent proposal (a filed proposal) or a model unit of a year, once each. */
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { awardKindNames, awardKinds } from '../../../../contracts/awards.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { useSubmissionKey } from '../handling/handling-api.ts';
import { ProposalSelect } from '../key-proposals/proposal-select.tsx';
import { UnitSelect } from '../people/unit-select.tsx';
import { type AwardValues, awardableProposalStates, awardBody } from './award-rules.ts';
import { useGrantAward } from './awards-api.ts';

const FIELDS = ['year', 'kind', 'proposalId', 'unitId', 'citation'] as const;

/** The form (mounted while open, so it starts from the year and kind on screen). */
function AwardForm(props: { year: number; kind: AwardValues['kind']; years: number[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<AwardValues>();
  const kind = Form.useWatch('kind', form) ?? props.kind;
  const grant = useGrantAward();
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await grant.mutateAsync({ body: awardBody(values), idempotencyKey: submission.key() });
      submission.done();
      props.onDone();
    } catch (failure) {
      if (!showServerFieldErrors(form, FIELDS, failure)) setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open
      title={t('登记表彰')}
      okText={t('登记')}
      cancelText={t('取消')}
      confirmLoading={grant.isPending}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ year: props.year, kind: props.kind }}>
        <Form.Item name="year" label={t('年度')} rules={[{ required: true, message: t('请选择年度') }]}>
          <Select options={props.years.map((year) => ({ value: year, label: `${year} ${t('年度')}` }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('表彰类型')} rules={[{ required: true, message: t('请选择表彰类型') }]}>
          <Radio.Group optionType="button" options={awardKinds.map((value) => ({ value, label: t(awardKindNames[value]) }))} />
        </Form.Item>
        {kind === 'excellent_proposal' ? (
          <Form.Item name="proposalId" label={t('提案')} rules={[{ required: true, message: t('请选择提案') }]}>
            <ProposalSelect states={awardableProposalStates} />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('承办单位')} rules={[{ required: true, message: t('请选择承办单位') }]}>
            <UnitSelect style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="citation" label={t('表彰事由（可不填）')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={t(error)} /> : null}
    </Modal>
  );
}

/** The dialog, shown while `open`. */
export function AwardDialog(props: {
  open: boolean;
  year: number;
  kind: AwardValues['kind'];
  years: number[];
  onClose: () => void;
  onDone: () => void;
}) {
  return props.open ? (
    <AwardForm year={props.year} kind={props.kind} years={props.years} onClose={props.onClose} onDone={props.onDone} />
  ) : null;
}
