/** 评分: a standing committee member scores one unit on the appraisal's form (again: replaces their earlier form). */
import { Alert, Descriptions, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Appraisal } from '../../../../contracts/appraisal.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useSubmitScore } from './appraisal-api.ts';
import { maxTotal, scoreBody, scoreFormProblems, scoreTotal } from './appraisal-rules.ts';

type Values = { scores: Record<string, number | null>; comment?: string };

/** The form of one unit (mounted while open). */
function ScoreForm(props: { appraisal: Appraisal; unit: Appraisal['units'][number]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { appraisal, unit } = props;
  const [form] = Form.useForm<Values>();
  const submit = useSubmitScore(appraisal.id);
  const [error, setError] = useState<string | null>(null);
  const scores = Form.useWatch('scores', form) ?? {};
  const ok = async () => {
    const values = await form.validateFields();
    const problems = scoreFormProblems(appraisal.criteria, values.scores);
    if (problems.length > 0) {
      setError(problems.join('；'));
      return;
    }
    setError(null);
    try {
      await submit.mutateAsync(scoreBody(unit.unitId, appraisal.criteria, values.scores, values.comment));
      props.onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open
      title={`${t('评分')}：${t(unit.unitName)}`}
      okText={t(unit.myTotal === null ? '提交评分' : '保存修改')}
      cancelText={t('取消')}
      confirmLoading={submit.isPending}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={props.onClose}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }} styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('评议')}>{t(appraisal.title)}</Descriptions.Item>
        {unit.myTotal !== null ? (
          <Descriptions.Item label={t('已评')}>
            {unit.myTotal} {t('分（再次提交将替换之前的评分）')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Form form={form} layout="vertical">
        {appraisal.criteria.map((criterion) => (
          <Form.Item
            key={criterion.key}
            name={['scores', criterion.key]}
            label={`${t(criterion.name)}（0–${criterion.max} ${t('分')}）`}
            rules={[{ required: true, message: `${t('请为')}“${t(criterion.name)}”${t('打分')}` }]}
          >
            <InputNumber min={0} max={criterion.max} precision={0} style={{ width: 160 }} inputMode="numeric" />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('意见建议（可不填）')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
      <Typography.Text strong>
        {t('合计')}：{scoreTotal(appraisal.criteria, scores)} / {maxTotal(appraisal.criteria)} {t('分')}
      </Typography.Text>
      {error ? <Alert type="error" showIcon title={t(error)} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

/** The dialog; `target` is the appraisal and unit to score, or null when closed. */
export function ScoreDialog(props: {
  target: { appraisal: Appraisal; unit: Appraisal['units'][number] } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const target = props.target;
  return target ? (
    <ScoreForm
      key={`${target.appraisal.id}:${target.unit.unitId}`}
      appraisal={target.appraisal}
      unit={target.unit}
      onClose={props.onClose}
      onDone={props.onDone}
    />
  ) : null;
}
