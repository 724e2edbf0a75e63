import { CheckCircleOutlined, PhoneOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Visit, VisitCloseInput, VisitConvertInput } from '../../../../contracts/stations.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { convertDefaults, smsReachable } from './station-rules.ts';
import { useRevealVisitor, useSubmissionKey, useVisitAction } from './stations-api.ts';

/** 当场办结: what was done; the visitor with a mobile gets it by SMS. */
function CloseDialog(props: { visit: Visit; open: boolean; onClose: () => void; onDone: (visit: Visit) => void }) {
  const t = useT();
  const [form] = Form.useForm<VisitCloseInput>();
  const action = useVisitAction();
  const [problem, setProblem] = useState<string | null>(null);
  const submission = useSubmissionKey();
  const submit = async () => {
    setProblem(null);
    const values = await form.validateFields();
    try {
      const visit = await action.mutateAsync({
        id: props.visit.id,
        version: props.visit.version,
        action: 'close',
        body: { outcome: values.outcome.trim() },
        idempotencyKey: submission.key(),
      });
      submission.settle();
      props.onDone(visit);
    } catch (error) {
      submission.settle(error);
      showServerFieldErrors(form, ['outcome'], error);
      setProblem(t(errorMessage(error)));
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('当场办结')}
      onCancel={props.onClose}
      onOk={submit}
      okText={t('办结')}
      cancelText={t('取消')}
      confirmLoading={action.isPending}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" size="large">
        <Form.Item
          name="outcome"
          label={t('办理情况')}
          rules={[{ required: true, whitespace: true, message: t('请填写办理情况') }]}
          extra={
            smsReachable(props.visit.visitorPhoneMasked)
              ? t(`办结后将以短信告知来访群众（${props.visit.visitorPhoneMasked}）`)
              : t('来访群众未留手机号，不发送短信')
          }
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 4, maxRows: 8 }} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 转为微建议: title, place, problem and suggestion, raised on behalf of the members present. */
function ConvertDialog(props: {
  visit: Visit;
  stationAddress?: string;
  open: boolean;
  onClose: () => void;
  onDone: (visit: Visit) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<VisitConvertInput>();
  const action = useVisitAction();
  const [problem, setProblem] = useState<string | null>(null);
  const submission = useSubmissionKey();
  const submit = async () => {
    setProblem(null);
    const values = await form.validateFields();
    try {
      const visit = await action.mutateAsync({
        id: props.visit.id,
        version: props.visit.version,
        action: 'convert',
        body: {
          title: values.title.trim(),
          place: values.place.trim(),
          problem: values.problem.trim(),
          suggestion: values.suggestion.trim(),
        },
        idempotencyKey: submission.key(),
      });
      submission.settle();
      props.onDone(visit);
    } catch (error) {
      submission.settle(error);
      showServerFieldErrors(form, ['title', 'place', 'problem', 'suggestion'], error);
      setProblem(t(errorMessage(error)));
    }
  };
  const lead = props.visit.members[0]?.name;
  return (
    <Modal
      open={props.open}
      title={t('转为微建议')}
      onCancel={props.onClose}
      onOk={submit}
      okText={t('提交微建议')}
      cancelText={t('取消')}
      confirmLoading={action.isPending}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph type="secondary">
        {t(
          `以到场委员 ${props.visit.members.map((member) => member.name).join('、')} 的名义提出${lead ? `，${lead}为领衔委员` : ''}；提交后由提案委审查。`,
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" initialValues={convertDefaults(props.visit, props.stationAddress)}>
        <Form.Item name="title" label={t('标题')} rules={[{ required: true, whitespace: true, message: t('请填写标题') }]}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="place" label={t('地点')} rules={[{ required: true, whitespace: true, message: t('请填写地点') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="problem"
          label={t('问题描述')}
          rules={[{ required: true, whitespace: true, message: t('请填写问题描述') }]}
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="suggestion" label={t('建议')} rules={[{ required: true, whitespace: true, message: t('请填写建议') }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('到场委员的具体建议')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The visitor's clear name and phone, shown on request (the server records the look). */
function RevealContact({ visit }: { visit: Visit }) {
  const t = useT();
  const reveal = useRevealVisitor();
  if (reveal.data) {
    return (
      <Typography.Text>
        {reveal.data.visitorName}
        {reveal.data.visitorPhone ? (
          <>
            {' · '}
            <a href={`tel:${reveal.data.visitorPhone}`}>{reveal.data.visitorPhone}</a>
          </>
        ) : null}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={4}>
      <Button icon={<PhoneOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate(visit.id)}>
        {t('查看完整联系方式（回访用，留痕）')}
      </Button>
      {reveal.error ? <Typography.Text type="danger">{t(errorMessage(reveal.error))}</Typography.Text> : null}
    </Flex>
  );
}

/** The buttons of what may happen to the visit now (from its `actions`), and the contact for a call back. */
export function VisitActions(props: { visit: Visit; stationAddress?: string; onChanged: (visit: Visit, text: string) => void }) {
  const t = useT();
  const [dialog, setDialog] = useState<'close' | 'convert' | null>(null);
  const allowed = new Set(props.visit.actions.map((action) => action.action));
  const open = props.visit.state === 'open';
  return (
    <Flex vertical gap={12}>
      {open ? (
        <Flex gap={12} wrap>
          {allowed.has('close') ? (
            <Button type="primary" size="large" icon={<CheckCircleOutlined />} onClick={() => setDialog('close')}>
              {t('当场办结')}
            </Button>
          ) : null}
          {allowed.has('convert') ? (
            <Button size="large" icon={<SendOutlined />} onClick={() => setDialog('convert')}>
              {t('转为微建议')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      {open && allowed.has('close') && !allowed.has('convert') ? (
        <Typography.Text type="secondary">{t('转为微建议须有到场委员：可先修改登记，补上到场委员。')}</Typography.Text>
      ) : null}
      {allowed.size > 0 || !open ? <RevealContact visit={props.visit} /> : null}
      <CloseDialog
        visit={props.visit}
        open={dialog === 'close'}
        onClose={() => setDialog(null)}
        onDone={(visit) => {
          setDialog(null);
          props.onChanged(visit, '已办结');
        }}
      />
      <ConvertDialog
        visit={props.visit}
        stationAddress={props.stationAddress}
        open={dialog === 'convert'}
        onClose={() => setDialog(null)}
        onDone={(visit) => {
          setDialog(null);
          props.onChanged(visit, '已转为微建议');
        }}
      />
    </Flex>
  );
}
