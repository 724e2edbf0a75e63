/** 登记推荐: the office records a key-proposal recommendation by its staff, a party or a special committee. */
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { recommenderKindNames, recommenderKinds } from '../../../../contracts/key-proposals.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { useSubmissionKey } from '../handling/handling-api.ts';
import { nominatableProposalStates, type RecommendValues, recommendBody, recommenderNameRequired } from './key-proposal-rules.ts';
import { useRecommendKeyProposal } from './key-proposals-api.ts';
import { ProposalSelect } from './proposal-select.tsx';

const FIELDS = ['proposalId', 'recommenderKind', 'recommenderName', 'reason'] as const;

/** The dialog; `sessionId` narrows the proposals offered to the session on screen. */
export function RecommendDialog(props: { open: boolean; sessionId?: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<RecommendValues>();
  const kind = Form.useWatch('recommenderKind', form);
  const recommend = useRecommendKeyProposal();
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    props.onClose();
  };
  const ok = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await recommend.mutateAsync({ body: recommendBody(values), idempotencyKey: submission.key() });
      submission.done();
      props.onDone();
    } catch (failure) {
      if (!showServerFieldErrors(form, FIELDS, failure)) setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('登记重点提案推荐')}
      okText={t('登记')}
      cancelText={t('取消')}
      confirmLoading={recommend.isPending}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={close}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ recommenderKind: 'party' }}>
        <Form.Item name="proposalId" label={t('提案')} rules={[{ required: true, message: t('请选择要推荐的提案') }]}>
          <ProposalSelect sessionId={props.sessionId} states={nominatableProposalStates} />
        </Form.Item>
        <Form.Item name="recommenderKind" label={t('推荐方')} rules={[{ required: true, message: t('请选择推荐方') }]}>
          <Radio.Group
            optionType="button"
            options={recommenderKinds.map((value) => ({ value, label: t(recommenderKindNames[value]) }))}
          />
        </Form.Item>
        <Form.Item
          name="recommenderName"
          label={t(kind === 'committee' ? '专门委员会名称' : kind === 'party' ? '党派团体名称' : '推荐人（可不填，默认为本人）')}
          rules={recommenderNameRequired(kind) ? [{ required: true, whitespace: true, message: t('请填写推荐方的名称') }] : []}
        >
          <Input
            maxLength={100}
            placeholder={t(kind === 'party' ? '如：民盟市委会' : kind === 'committee' ? '如：经济委员会' : '')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('推荐理由')}
          rules={[{ required: true, whitespace: true, message: t('请填写推荐理由') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={t(error)} /> : null}
    </Modal>
  );
}
