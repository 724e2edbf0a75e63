/**
 * A proposer's rating of a reply: 满意 / 基本满意 / 不满意, two optional yes/no questions and a comment. Posted once
 * (with an Idempotency-Key); a rating cannot be changed afterwards.
 */
import { Alert, Button, Form, Input, Popconfirm, Radio, Typography } from 'antd';
import { useState } from 'react';
import { type Rating, ratingNames, ratings } from '../../../../contracts/handling.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { useRateReply, useSubmissionKey } from './handling-api.ts';
import { ratingBody } from './reply-rules.ts';

type RatingValues = { rating?: Rating; contacted?: boolean; addressed?: boolean; comment?: string };

/** The form. */
export function RatingForm(props: {
  proposalId: string;
  replyId: string;
  ratingDueOn: string | null;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RatingValues>();
  const rate = useRateReply(props.proposalId);
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const chosen = Form.useWatch('rating', form);

  const submit = async () => {
    let values: RatingValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setError(null);
    try {
      const after = await rate.mutateAsync({
        replyId: props.replyId,
        body: ratingBody({ ...values, rating: values.rating as Rating }),
        idempotencyKey: submission.key(),
      });
      submission.done();
      props.onDone(after.state === 'rehandling' ? '评价已提交，提案将由承办单位再次办理' : '评价已提交，感谢您的反馈');
    } catch (failure) {
      showServerFieldErrors(form, ['rating', 'contacted', 'addressed', 'comment'], failure);
      setError(errorMessage(failure));
    }
  };

  const yesNo = [
    { value: true, label: t('是') },
    { value: false, label: t('否') },
  ];
  return (
    <div className="rating-form" style={{ marginTop: 12, padding: 12, background: '#fafafa', borderRadius: 8 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('评价这份答复')}
      </Typography.Title>
      {props.ratingDueOn ? (
        <Typography.Paragraph type="secondary">
          {t('请在')} {formatDate(props.ratingDueOn)} {t('前评价，逾期视为无意见。评价提交后不能修改。')}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item name="rating" label={t('您对办理结果的评价')} rules={[{ required: true, message: t('请选择评价') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={ratings.map((rating) => ({ value: rating, label: t(ratingNames[rating]) }))}
          />
        </Form.Item>
        {chosen === 'dissatisfied' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('选择“不满意”后，提案将交承办单位再次办理并重新答复；请在意见中写明不满意的原因。')}
          />
        ) : null}
        <Form.Item name="contacted" label={t('承办单位是否与您沟通')}>
          <Radio.Group options={yesNo} />
        </Form.Item>
        <Form.Item name="addressed" label={t('答复是否回应了您的建议')}>
          <Radio.Group options={yesNo} />
        </Form.Item>
        <Form.Item name="comment" label={t('意见和建议（可不填）')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t(error)} /> : null}
        <Popconfirm
          title={t('提交评价？')}
          description={t('评价提交后不能修改。')}
          okText={t('提交')}
          cancelText={t('取消')}
          onConfirm={submit}
        >
          <Button type="primary" loading={rate.isPending}>
            {t('提交评价')}
          </Button>
        </Popconfirm>
      </Form>
    </div>
  );
}
