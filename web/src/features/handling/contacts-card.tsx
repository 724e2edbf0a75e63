/** 沟通记录: the unit's contacts with the proposers, and the "记录沟通" form (method, date, people, summary). */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Contact, type ContactMethod, contactMethodNames, contactMethods } from '../../../../contracts/handling.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { dayOf } from '../review/waiting-days.ts';
import { BoundedDateField } from './bounded-date-field.tsx';
import { type ContactInput, useRecordContact, useSubmissionKey } from './handling-api.ts';

/** The card; the button shows when the unit may record a contact now. */
export function ContactsCard(props: {
  assignmentId: string;
  contacts: Contact[];
  canRecord: boolean;
  requiresContact: boolean;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Card
      size="small"
      title={t('与提案人沟通')}
      extra={
        props.canRecord ? (
          <Button size="small" type="primary" ghost icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('记录沟通')}
          </Button>
        ) : null
      }
    >
      {props.requiresContact && props.contacts.length === 0 && props.canRecord ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('答复前须至少与提案人沟通一次（走访、座谈或电话）')}
        />
      ) : null}
      {props.contacts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚无沟通记录')} />
      ) : (
        <List
          size="small"
          dataSource={props.contacts}
          renderItem={(contact) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <Tag color="geekblue">{t(contact.methodName)}</Tag>
                  <Typography.Text strong>{formatDate(contact.contactedOn)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                    {t('记录人')}：{t(contact.recordedByName)}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary">
                  {t('参加人员')}：{t(contact.people)}
                </Typography.Text>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{t(contact.summary)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <ContactDialog
        open={open}
        assignmentId={props.assignmentId}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          props.onDone('沟通情况已记录');
        }}
      />
    </Card>
  );
}

type ContactValues = { method?: ContactMethod; contactedOn?: string | null; people?: string; summary?: string };

/** The "记录沟通" form in a modal. */
function ContactDialog(props: { open: boolean; assignmentId: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ContactValues>();
  const record = useRecordContact(props.assignmentId);
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const today = dayOf(new Date()) ?? undefined;
  const ok = async () => {
    const values = await form.validateFields();
    setError(null);
    const body: ContactInput = {
      method: values.method as ContactMethod,
      contactedOn: values.contactedOn as string,
      people: (values.people ?? '').trim(),
      summary: (values.summary ?? '').trim(),
    };
    try {
      await record.mutateAsync({ body, idempotencyKey: submission.key() });
      submission.done();
      props.onDone();
    } catch (failure) {
      showServerFieldErrors(form, ['method', 'contactedOn', 'people', 'summary'], failure);
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('记录沟通')}
      okText={t('保存')}
      cancelText={t('取消')}
      confirmLoading={record.isPending}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ method: 'visit', contactedOn: today }}>
        <Form.Item name="method" label={t('沟通方式')} rules={[{ required: true, message: t('请选择沟通方式') }]}>
          <Select options={contactMethods.map((method) => ({ value: method, label: t(contactMethodNames[method]) }))} />
        </Form.Item>
        <Form.Item name="contactedOn" label={t('沟通日期')} rules={[{ required: true, message: t('请选择沟通日期') }]}>
          <BoundedDateField max={today} />
        </Form.Item>
        <Form.Item
          name="people"
          label={t('参加人员')}
          rules={[{ required: true, whitespace: true, message: t('请填写参加人员') }]}
        >
          <Input maxLength={500} placeholder={t('例如：承办处负责人张三；提案人李四委员')} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('沟通情况')}
          rules={[{ required: true, whitespace: true, message: t('请填写沟通情况') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('听取了哪些意见，介绍了哪些办理思路')} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={t(error)} /> : null}
    </Modal>
  );
}
