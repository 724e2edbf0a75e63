import { Alert, Button, DatePicker, Form, Input, Modal, Popconfirm, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { DutyDay } from '../../../../contracts/stations.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { StationSelect } from './station-select.tsx';
import { useCancelDuty, useScheduleDuty, useStation, useSubmissionKey, useUpdateDuty } from './stations-api.ts';

type DutyFormValues = { stationId?: string; memberId: string; dutyDate: string; note?: string | null };

/**
 * Schedules a duty day (a date chosen in the calendar, or none), or edits one (move, change the member or note,
 * cancel). `stationId` fixes the station (station staff); otherwise the office picks it.
 */
export function DutyDialog(props: {
  open: boolean;
  duty: DutyDay | null;
  date: string | null;
  stationId: string | null;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<DutyFormValues>();
  const schedule = useScheduleDuty();
  const update = useUpdateDuty();
  const cancel = useCancelDuty();
  const submission = useSubmissionKey();
  const [problem, setProblem] = useState<string | null>(null);
  const chosenStation = Form.useWatch('stationId', form);
  const stationId = props.duty?.station.id ?? props.stationId ?? chosenStation ?? null;
  const station = useStation(stationId);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    setProblem(null);
    form.setFieldsValue(
      props.duty
        ? { memberId: props.duty.member.id, dutyDate: props.duty.dutyDate, note: props.duty.note }
        : { dutyDate: props.date ?? undefined, stationId: props.stationId ?? undefined },
    );
  }, [props.open, props.duty, props.date, props.stationId, form]);

  const submit = async () => {
    setProblem(null);
    const values = await form.validateFields();
    try {
      if (props.duty) {
        await update.mutateAsync({
          id: props.duty.id,
          version: props.duty.version,
          body: { memberId: values.memberId, dutyDate: values.dutyDate, note: values.note?.trim() || null },
        });
        props.onDone('接待日已调整，已通知委员');
      } else {
        await schedule.mutateAsync({
          body: {
            ...(props.stationId ? {} : { stationId: values.stationId }),
            memberId: values.memberId,
            dutyDate: values.dutyDate,
            note: values.note?.trim() || null,
          },
          idempotencyKey: submission.key(),
        });
        submission.settle();
        props.onDone('接待日已安排，已通知委员');
      }
    } catch (error) {
      submission.settle(error);
      showServerFieldErrors(form, ['stationId', 'memberId', 'dutyDate', 'note'], error);
      setProblem(t(errorMessage(error)));
    }
  };

  const remove = async () => {
    if (!props.duty) return;
    try {
      await cancel.mutateAsync({ id: props.duty.id, version: props.duty.version });
      props.onDone('接待日已取消，已通知委员');
    } catch (error) {
      setProblem(t(errorMessage(error)));
    }
  };

  const members = station.data?.members ?? [];
  return (
    <Modal
      open={props.open}
      title={props.duty ? t('调整接待日') : t('安排接待日')}
      onCancel={props.onClose}
      destroyOnHidden
      footer={[
        props.duty ? (
          <Popconfirm
            key="cancel"
            title={t('取消这个接待日？委员会收到通知。')}
            okText={t('取消接待日')}
            cancelText={t('不取消')}
            onConfirm={remove}
          >
            <Button danger loading={cancel.isPending}>
              {t('取消接待日')}
            </Button>
          </Popconfirm>
        ) : null,
        <Button key="close" onClick={props.onClose}>
          {t('关闭')}
        </Button>,
        <Button key="save" type="primary" loading={schedule.isPending || update.isPending} onClick={submit}>
          {t('保存')}
        </Button>,
      ]}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" size="large">
        {props.stationId || props.duty ? null : (
          <Form.Item name="stationId" label={t('联络站或工作室')} rules={[{ required: true, message: t('请选择联络站') }]}>
            <StationSelect />
          </Form.Item>
        )}
        <Form.Item
          name="dutyDate"
          label={t('接待日期')}
          rules={[{ required: true, message: t('请选择日期') }]}
          getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : null })}
          normalize={(value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined)}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly />
        </Form.Item>
        <Form.Item name="memberId" label={t('接待委员')} rules={[{ required: true, message: t('请选择委员') }]}>
          <Select
            placeholder={stationId ? t('从驻站委员中选择') : t('请先选择联络站')}
            options={members.map((member) => ({ value: member.id, label: member.name }))}
            loading={station.isFetching}
            notFoundContent={t('本站暂无驻站委员')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('备注')}>
          <Input maxLength={200} placeholder={t('如：企业服务专场')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
