/** The dialogs of an adjustment (申请调整): the unit asks, the office approves with a new unit or refuses. */
import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Assignment, AssignmentAction } from '../../../../contracts/proposals.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { errorMessage, isVersionConflict } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { UnitSelect } from '../people/unit-select.tsx';
import { useAssignmentAction } from './assignments-api.ts';

/** What each adjustment dialog takes. */
export type AssignmentDialogProps = {
  assignment: Assignment | null;
  onClose: () => void;
  onDone: (assignment: Assignment) => void;
};

/** The message of a failed assignment action. */
function failureText(error: unknown): string {
  return isVersionConflict(error) ? '该交办已被他人处理，请关闭后刷新再试' : errorMessage(error);
}

/** A modal that sends one assignment action with the form's values. */
function AssignmentActionModal<Values extends object>(props: {
  assignment: Assignment | null;
  action: AssignmentAction;
  title: string;
  okText: string;
  danger?: boolean;
  fieldNames: string[];
  toBody: (values: Values) => unknown;
  onClose: () => void;
  onDone: (assignment: Assignment) => void;
  children: (form: ReturnType<typeof Form.useForm<Values>>[0]) => React.ReactNode;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const run = useAssignmentAction();
  const [failure, setFailure] = useState<string | null>(null);
  const assignment = props.assignment;
  const ok = async () => {
    if (!assignment) return;
    const values = await form.validateFields();
    setFailure(null);
    try {
      const updated = await run.mutateAsync({
        id: assignment.id,
        version: assignment.version,
        action: props.action,
        body: props.toBody(values),
      });
      props.onDone(updated);
    } catch (error) {
      showServerFieldErrors(form, props.fieldNames, error);
      setFailure(failureText(error));
    }
  };
  return (
    <Modal
      open={assignment !== null}
      title={t(props.title)}
      okText={t(props.okText)}
      cancelText={t('取消')}
      okButtonProps={{ danger: props.danger }}
      confirmLoading={run.isPending}
      onOk={ok}
      onCancel={() => {
        setFailure(null);
        props.onClose();
      }}
      destroyOnHidden
      maskClosable={false}
    >
      {assignment ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} styles={{ label: { width: 96 } }}>
          <Descriptions.Item label={t('提案')}>
            {assignment.proposalNumber ? `${t('第')}${assignment.proposalNumber}${t('号')} ` : ''}
            {t(assignment.proposalTitle)}
          </Descriptions.Item>
          <Descriptions.Item label={t('承办单位')}>
            {t(assignment.unitName)}（{t(assignment.roleName)}）
          </Descriptions.Item>
          {assignment.adjustmentReason ? (
            <Descriptions.Item label={t('调整理由')}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{t(assignment.adjustmentReason)}</Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      {failure ? <Alert type="error" showIcon title={t(failure)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        {props.children(form)}
      </Form>
    </Modal>
  );
}

/** 申请调整: the unit says why it is not the right one, and may name the unit it thinks is. */
export function RequestAdjustmentDialog(props: AssignmentDialogProps) {
  const t = useT();
  const until = props.assignment?.adjustmentUntil;
  return (
    <AssignmentActionModal<{ reason: string; suggestedUnitId?: string | null }>
      {...props}
      action="request_adjustment"
      title="申请调整"
      okText="提交申请"
      fieldNames={['reason', 'suggestedUnitId']}
      toBody={(values) => ({
        reason: values.reason.trim(),
        ...(values.suggestedUnitId ? { suggestedUnitId: values.suggestedUnitId } : {}),
      })}
    >
      {() => (
        <>
          {until ? (
            <Typography.Paragraph type="secondary">
              {t('申请调整截止')}：{formatDate(until)}
            </Typography.Paragraph>
          ) : null}
          <Form.Item
            name="reason"
            label={t('申请理由')}
            rules={[{ required: true, whitespace: true, message: t('请填写申请调整的理由') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('说明本提案不属于本单位职责的依据')} />
          </Form.Item>
          <Form.Item name="suggestedUnitId" label={t('建议承办单位（可选）')}>
            <UnitSelect excludeId={props.assignment?.unitId} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    </AssignmentActionModal>
  );
}

/** 同意调整: the office names the unit that takes over. */
export function ApproveAdjustmentDialog(props: AssignmentDialogProps) {
  const t = useT();
  return (
    <AssignmentActionModal<{ replacementUnitId: string; reason?: string }>
      {...props}
      action="approve_adjustment"
      title="同意调整"
      okText="同意并改交"
      fieldNames={['replacementUnitId', 'reason']}
      toBody={(values) => ({
        replacementUnitId: values.replacementUnitId,
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      })}
    >
      {() => (
        <>
          <Form.Item
            name="replacementUnitId"
            label={t('新承办单位')}
            rules={[{ required: true, message: t('请选择新承办单位') }]}
          >
            <UnitSelect excludeId={props.assignment?.unitId} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('说明（可选）')}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </>
      )}
    </AssignmentActionModal>
  );
}

/** 不同意调整: the office says why the unit keeps the proposal. */
export function RefuseAdjustmentDialog(props: AssignmentDialogProps) {
  const t = useT();
  return (
    <AssignmentActionModal<{ reason: string }>
      {...props}
      action="refuse_adjustment"
      title="不同意调整"
      okText="不同意"
      danger
      fieldNames={['reason']}
      toBody={(values) => ({ reason: values.reason.trim() })}
    >
      {() => (
        <Form.Item
          name="reason"
          label={t('不同意的理由（将告知承办单位）')}
          rules={[{ required: true, whitespace: true, message: t('请填写不同意调整的理由') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      )}
    </AssignmentActionModal>
  );
}

/** When the unit asked, for lists. */
export function requestedAtText(assignment: Assignment): string {
  return formatDateTime(assignment.adjustmentRequestedAt);
}
