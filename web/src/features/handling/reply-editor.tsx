/**
 * The reply editor: the text, the result class (kinds whose replies are classed: proposals), the contact person and
 * phone, and the follow-up report date when the class promises one. A new draft is a POST (with an
 * Idempotency-Key), an edit a PATCH with If-Match. Photos are added to the saved draft (reply-files.tsx).
 */
import { Alert, Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Reply, ReplyKind } from '../../../../contracts/handling.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { DateField } from '../orgs/date-field.tsx';
import { useDraftReply, useSubmissionKey, useUpdateReply } from './handling-api.ts';
import { replyFailureText } from './reply-actions.tsx';
import {
  CONTACT_PHONE_PATTERN,
  type ReplyFormValues,
  type ResultClassOption,
  replyBody,
  replyRequirements,
} from './reply-rules.ts';

const fieldNames = ['text', 'resultClass', 'contactPerson', 'contactPhone', 'followUpDueOn'] as const;

/** The editor; with `reply` it edits that draft, otherwise it starts one of `kind`. */
export function ReplyEditor(props: {
  assignmentId: string;
  kind: ReplyKind;
  reply: Reply | null;
  resultClasses: readonly ResultClassOption[];
  /** Values to start a new reply from (the unit's last contact person and phone). */
  initial?: ReplyFormValues;
  /** The title of a new reply (e.g. 起草二次办理答复); the kind's default otherwise. */
  heading?: string;
  /** The unit leader signs replies off (proposals always); off: the handler sends the reply (a micro-suggestion). */
  leaderSignOff?: boolean;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ReplyFormValues>();
  const create = useDraftReply(props.assignmentId);
  const update = useUpdateReply();
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const kind = props.reply?.kind ?? props.kind;
  const resultClass = Form.useWatch('resultClass', form);
  const needs = replyRequirements(kind, props.resultClasses, resultClass);
  const signOff = props.leaderSignOff ?? true;
  const classed = kind === 'reply' && props.resultClasses.length > 0;
  const initialValues: ReplyFormValues = props.reply
    ? {
        text: props.reply.text,
        resultClass: props.reply.resultClass,
        contactPerson: props.reply.contactPerson,
        contactPhone: props.reply.contactPhone,
        followUpDueOn: props.reply.followUpDueOn,
      }
    : (props.initial ?? {});

  const save = async () => {
    const values = await form.validateFields();
    setError(null);
    const body = replyBody(kind, props.resultClasses, values);
    try {
      if (props.reply) {
        await update.mutateAsync({ id: props.reply.id, version: props.reply.version, body });
        props.onSaved('答复稿已保存');
      } else {
        await create.mutateAsync({ body: { ...body, kind }, idempotencyKey: submission.key() });
        submission.done();
        form.resetFields();
        props.onSaved(signOff ? '答复稿已保存，可送分管领导签发' : '答复稿已保存，可上传照片后发送');
      }
    } catch (failure) {
      showServerFieldErrors(form, fieldNames, failure);
      setError(replyFailureText(failure));
    }
  };

  const title = props.reply
    ? t(kind === 'follow_up' ? '修改后续办理情况报告' : '修改答复稿')
    : t(props.heading ?? (kind === 'follow_up' ? '起草后续办理情况报告' : '起草答复'));
  return (
    <Card size="small" title={title}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        key={props.reply ? `${props.reply.id}-${props.reply.version}` : `new-${kind}`}
      >
        <Form.Item
          name="text"
          label={t(kind === 'follow_up' ? '后续办理情况' : '答复正文')}
          rules={[{ required: true, whitespace: true, message: t('请填写答复正文') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 6, maxRows: 18 }}
            maxLength={30000}
            showCount
            placeholder={t(
              props.resultClasses.length > 0
                ? '写明办理情况、采纳的建议、具体措施和完成时限'
                : '写明处理情况和完成时间；保存后可上传整改后的照片',
            )}
          />
        </Form.Item>
        <Row gutter={16}>
          {classed ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="resultClass"
                label={t('答复类别')}
                rules={[{ required: needs.resultClass, message: t('请选择答复类别') }]}
              >
                <Select
                  placeholder={t('请选择')}
                  options={props.resultClasses.map((item) => ({
                    value: item.code,
                    label: `${item.code} 类 · ${t(item.name)}`,
                  }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          {needs.showFollowUp ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="followUpDueOn"
                label={t('后续办理情况报告日期')}
                extra={t('列入计划逐步解决的，须在此日期前报告后续办理情况')}
                rules={[{ required: needs.followUpDueOn, message: t('请选择报告日期') }]}
              >
                <DateField />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item
              name="contactPerson"
              label={t('联系人')}
              rules={[{ required: true, whitespace: true, message: t('请填写联系人') }]}
            >
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="contactPhone"
              label={t('联系电话')}
              rules={[
                { required: true, whitespace: true, message: t('请填写联系电话') },
                { pattern: CONTACT_PHONE_PATTERN, message: t('联系电话格式不正确') },
              ]}
            >
              <Input maxLength={30} inputMode="tel" autoComplete="tel" />
            </Form.Item>
          </Col>
        </Row>
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t(error)} /> : null}
        <Typography.Paragraph type="secondary" style={{ fontSize: '0.9em' }}>
          {t(
            signOff
              ? '保存后仍可修改；送分管领导签发后，除非被退回，不能再修改。'
              : '保存后仍可修改、上传照片；发送后不能再修改。',
          )}
        </Typography.Paragraph>
        <Button type="primary" onClick={save} loading={create.isPending || update.isPending}>
          {t(props.reply ? '保存修改' : '保存答复稿')}
        </Button>
        {props.onCancel ? (
          <Button style={{ marginLeft: 8 }} onClick={props.onCancel}>
            {t('取消')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
