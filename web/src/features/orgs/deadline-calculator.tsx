import { Alert, Button, Card, Form, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import type { CalendarComputeResult } from '../../../../contracts/orgs.ts';
import { formatDate } from '../../lib/format.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { DateField } from './date-field.tsx';
import { computeDueDate } from './orgs-api.ts';

type Values = { from: string; unit: 'workingDays' | 'months'; amount: number };

/** 期限计算: a start date plus working days or months gives the due date, as the server's calendar reckons it. */
export function DeadlineCalculator(props: { today: string }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<CalendarComputeResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(await computeDueDate({ from: values.from, [values.unit]: values.amount }));
    } catch (error) {
      setResult(null);
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('期限计算')}>
      <Form form={form} layout="vertical" initialValues={{ from: props.today, unit: 'workingDays', amount: 5 }} onFinish={submit}>
        <Form.Item name="from" label={t('起始日期')} rules={[{ required: true, message: t('请选择起始日期') }]}>
          <DateField allowClear={false} />
        </Form.Item>
        <Form.Item name="unit" label={t('期限单位')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'workingDays', label: t('工作日') },
              { value: 'months', label: t('月') },
            ]}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('数量')} rules={[{ required: true, message: t('请输入数量') }]}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('计算')}
        </Button>
      </Form>
      {result ? (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          title={`${t('到期日')}：${formatDate(result.dueDate)}`}
          description={
            result.movedFrom
              ? `${t('按日历推算为')} ${formatDate(result.movedFrom)}${t('，该日休息，顺延至下一个工作日。')}`
              : undefined
          }
        />
      ) : null}
      {problem ? <Alert style={{ marginTop: 16 }} type="error" showIcon title={t(problem)} /> : null}
    </Card>
  );
}
