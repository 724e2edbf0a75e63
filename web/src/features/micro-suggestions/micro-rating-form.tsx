/**
 * The member's rating of a unit's reply: 满意 / 基本满意 / 不满意 and a comment, posted once with an
 * Idempotency-Key (the handling engine's rating route). 不满意 sends it back to the unit once (the committee's
 * setting); a rating cannot be changed afterwards.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Popconfirm, Radio, Typography } from 'antd';
import { useState } from 'react';
import { type Rating, ratingNames, ratings } from '../../../../contracts/handling.ts';
import { errorMessage, newIdempotencyKey } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { fetchMicro, microDetailKey, microKey, rateMicroReply } from './micro-api.ts';

type RatingValues = { rating?: Rating; comment?: string };

/** The form. */
export function MicroRatingForm(props: {
  replyId: string;
  itemId: string;
  ratingDueOn: string | null;
  onDone: (message: string) => void;
}) {
  const t = useText();
  const client = useQueryClient();
  const [form] = Form.useForm<RatingValues>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [pending, setPending] = useState(false);
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
    setPending(true);
    try {
      const comment = values.comment?.trim();
      await rateMicroReply(props.replyId, { rating: values.rating as Rating, ...(comment ? { comment } : {}) }, key);
      setKey(newIdempotencyKey());
      const updated = await fetchMicro(props.itemId);
      client.setQueryData(microDetailKey(props.itemId), updated);
      void client.invalidateQueries({ queryKey: microKey });
      props.onDone(updated.state === 'rehandling' ? '评价已提交，承办单位将重新办理' : '评价已提交，感谢您的反馈');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  };

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
            title={t('选择“不满意”后，将交承办单位重新办理；请在意见中写明原因。')}
          />
        ) : null}
        <Form.Item
          name="comment"
          label={t('意见（可不填）')}
          rules={chosen === 'dissatisfied' ? [{ required: true, whitespace: true, message: t('请写明不满意的原因') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t(error)} /> : null}
        <Popconfirm
          title={t('提交评价？')}
          description={t('评价提交后不能修改。')}
          okText={t('提交')}
          cancelText={t('取消')}
          onConfirm={submit}
        >
          <Button type="primary" loading={pending}>
            {t('提交评价')}
          </Button>
        </Popconfirm>
      </Form>
    </div>
  );
}
