/** 组织民主评议: the office drafts an appraisal: its title, session, scope, minimum scores and score form. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { defaultCriteria } from '../../../../contracts/appraisal.ts';
import type { Session } from '../../../../contracts/orgs.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { useSubmissionKey } from '../handling/handling-api.ts';
import { defaultSessionId, SessionPicker } from '../key-proposals/session-picker.tsx';
import { useCreateAppraisal } from './appraisal-api.ts';
import { criteriaBody, maxTotal, scopeNames } from './appraisal-rules.ts';

type Values = {
  title: string;
  sessionId: string;
  scope: 'key' | 'all';
  minScores: number;
  criteria: { key?: string; name: string; max: number }[];
};

const FIELDS = ['title', 'sessionId', 'scope', 'minScores', 'criteria'] as const;

/** The form (mounted while open, so it starts from the defaults each time). */
function CreateForm(props: { sessions: Session[] | undefined; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateAppraisal();
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const criteria = Form.useWatch('criteria', form) ?? [];
  const total = maxTotal(criteria.filter(Boolean).map((row) => ({ key: '', name: '', max: Number(row?.max) || 0 })));
  const session = props.sessions?.find((item) => item.id === defaultSessionId(props.sessions));
  const ok = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await create.mutateAsync({
        body: {
          title: values.title.trim(),
          sessionId: values.sessionId,
          scope: values.scope,
          minScores: values.minScores,
          criteria: criteriaBody(values.criteria),
        },
        idempotencyKey: submission.key(),
      });
      submission.done();
      props.onDone();
    } catch (failure) {
      if (!showServerFieldErrors(form, FIELDS, failure)) setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open
      title={t('组织民主评议')}
      okText={t('创建')}
      cancelText={t('取消')}
      confirmLoading={create.isPending}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={props.onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: session ? `${session.year} 年度提案办理民主评议` : '',
          sessionId: session?.id,
          scope: 'key',
          minScores: 5,
          criteria: defaultCriteria.map((item) => ({ ...item })),
        }}
      >
        <Form.Item
          name="title"
          label={t('评议名称')}
          rules={[{ required: true, whitespace: true, message: t('请填写评议名称') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="sessionId" label={t('会议')} rules={[{ required: true, message: t('请选择会议') }]}>
          <SessionPicker sessions={props.sessions} />
        </Form.Item>
        <Form.Item name="scope" label={t('评议范围')} rules={[{ required: true, message: t('请选择评议范围') }]}>
          <Radio.Group options={(['key', 'all'] as const).map((value) => ({ value, label: t(scopeNames[value]) }))} />
        </Form.Item>
        <Form.Item
          name="minScores"
          label={t('最少评分人数')}
          extra={t('评分的常委少于这个人数的单位不计平均分、不排名')}
          rules={[{ required: true, message: t('请填写最少评分人数') }]}
        >
          <InputNumber min={1} max={500} precision={0} style={{ width: 160 }} suffix={t('人')} />
        </Form.Item>
        <Typography.Text strong>
          {t('评分表')}（{t('满分')} {total} {t('分')}）
        </Typography.Text>
        <Form.List
          name="criteria"
          rules={[
            {
              validator: async (_rule, rows: unknown[]) => {
                if (!rows || rows.length === 0) throw new Error(t('请至少设置一个评分项'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={0} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    style={{ flex: '1 1 200px', marginBottom: 12 }}
                    rules={[{ required: true, whitespace: true, message: t('请填写评分项名称') }]}
                  >
                    <Input maxLength={50} placeholder={t('评分项，如：办理态度')} aria-label={t('评分项名称')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'max']}
                    style={{ marginBottom: 12 }}
                    rules={[{ required: true, message: t('请填写满分') }]}
                  >
                    <InputNumber min={1} max={100} precision={0} style={{ width: 120 }} suffix={t('分')} aria-label={t('满分')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('删除评分项')}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 10 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', max: 10 })}>
                  {t('添加评分项')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
      {error ? <Alert type="error" showIcon title={t(error)} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

/** The dialog, shown while `open`. */
export function AppraisalCreateDialog(props: {
  open: boolean;
  sessions: Session[] | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  return props.open ? <CreateForm sessions={props.sessions} onClose={props.onClose} onDone={props.onDone} /> : null;
}
