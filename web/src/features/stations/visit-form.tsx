import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isValidPhone } from '../../../../contracts/people.ts';
import type { Visit } from '../../../../contracts/stations.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { todayInChina } from '../orgs/calendar-grid.ts';
import { type VisitFormValues, visitBody } from './station-rules.ts';
import { StationSelect } from './station-select.tsx';
import { useRecordVisit, useStation, useSubmissionKey } from './stations-api.ts';

const fieldNames = ['stationId', 'visitDate', 'visitorName', 'visitorPhone', 'visitorCount', 'matter', 'memberIds'];

/**
 * 登记来访, phone first: one column, large fields, the attached members as check boxes. Station staff record at
 * their own station (`stationId` fixed); the office picks the station.
 */
export function VisitForm(props: { stationId: string | null; onSaved: (visit: Visit) => void }) {
  const t = useT();
  const [form] = Form.useForm<VisitFormValues>();
  const record = useRecordVisit();
  const [problem, setProblem] = useState<string | null>(null);
  // One key per visit being written: a retry after a lost answer does not record it twice.
  const submission = useSubmissionKey();
  const chosenStation = Form.useWatch('stationId', form);
  const stationId = props.stationId ?? chosenStation ?? null;
  const station = useStation(stationId);
  const today = todayInChina();

  const submit = async () => {
    setProblem(null);
    const values = await form.validateFields();
    try {
      const visit = await record.mutateAsync({
        body: visitBody({ ...values, stationId: props.stationId ? undefined : values.stationId }),
        idempotencyKey: submission.key(),
      });
      submission.settle();
      props.onSaved(visit);
    } catch (error) {
      submission.settle(error);
      showServerFieldErrors(form, fieldNames, error);
      setProblem(t(errorMessage(error)));
    }
  };

  const members = station.data?.members ?? [];
  return (
    <Form form={form} layout="vertical" size="large" initialValues={{ visitDate: today, visitorCount: 1, memberIds: [] }}>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      {props.stationId ? null : (
        <Form.Item name="stationId" label={t('联络站或工作室')} rules={[{ required: true, message: t('请选择联络站') }]}>
          <StationSelect />
        </Form.Item>
      )}
      <Form.Item
        name="visitDate"
        label={t('来访日期')}
        rules={[{ required: true, message: t('请选择来访日期') }]}
        getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : null })}
        normalize={(value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined)}
      >
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          inputReadOnly
          disabledDate={(date) => date.format('YYYY-MM-DD') > today}
        />
      </Form.Item>
      <Form.Item
        name="visitorName"
        label={t('来访群众姓名')}
        rules={[{ required: true, whitespace: true, message: t('请输入来访群众姓名') }]}
        extra={t('姓名和电话加密保存，列表中只显示部分')}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="visitorPhone"
        label={t('联系电话')}
        extra={t('选填。留了手机号的，当场办结后会收到办理情况短信')}
        rules={[
          {
            validator: (_rule, value: string | undefined) =>
              !value?.trim() || isValidPhone(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('联系电话不正确（手机号 11 位，或带区号的座机）'))),
          },
        ]}
      >
        <Input maxLength={20} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="visitorCount" label={t('来访人数')}>
        <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="matter"
        label={t('反映事项')}
        rules={[{ required: true, whitespace: true, message: t('请填写反映的事项') }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 4, maxRows: 10 }} showCount />
      </Form.Item>
      <Form.Item
        name="memberIds"
        label={t('到场委员')}
        extra={members.length ? t('转为微建议时以到场委员的名义提出，第一位为领衔委员') : undefined}
      >
        {members.length ? (
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
            options={members.map((member) => ({ value: member.id, label: member.name }))}
          />
        ) : (
          <Typography.Text type="secondary">{stationId ? t('本站暂无驻站委员') : t('请先选择联络站')}</Typography.Text>
        )}
      </Form.Item>
      <Button type="primary" block size="large" loading={record.isPending} onClick={submit}>
        {t('保存登记')}
      </Button>
    </Form>
  );
}
