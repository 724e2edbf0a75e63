import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { type Session, sessionDateProblems, type Term } from '../../../../contracts/orgs.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { reportFormError } from '../../pages/admin/shared/admin-ui.tsx';
import { changedFields } from '../../pages/admin/shared/form-values.ts';
import { DateField } from './date-field.tsx';
import { useSaveSession } from './orgs-api.ts';

type SessionFormValues = {
  termId: string;
  number: number;
  name: string;
  year: number;
  plenaryStartsOn: string;
  plenaryEndsOn: string;
  proposalWindowOpensOn: string;
};
const fieldNames = ['termId', 'number', 'name', 'year', 'plenaryStartsOn', 'plenaryEndsOn', 'proposalWindowOpensOn'];

function formValuesOf(session: Session | null, termId: string | null): Partial<SessionFormValues> {
  if (!session) return termId ? { termId } : {};
  const { termId: ownTerm, number, name, year, plenaryStartsOn, plenaryEndsOn, proposalWindowOpensOn } = session;
  return { termId: ownTerm, number, name, year, plenaryStartsOn, plenaryEndsOn, proposalWindowOpensOn };
}

/** Creates a session of a term (session null) or edits one; the dates must keep their order. */
export function SessionFormModal(props: {
  open: boolean;
  session: Session | null;
  termId: string | null;
  terms: Term[];
  onClose: () => void;
  onSaved: () => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<SessionFormValues>();
  const save = useSaveSession();

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(props.session, props.termId));
    }
  }, [props.open, props.session, props.termId, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const problems = sessionDateProblems(values);
    if (problems.length > 0) {
      form.setFields(
        problems.map((problem) => ({ name: problem.field as keyof SessionFormValues, errors: [t(problem.message)] })),
      );
      return;
    }
    try {
      if (props.session) {
        const { termId: _termId, ...rest } = values;
        const before = formValuesOf(props.session, null);
        await save.mutateAsync({ id: props.session.id, version: props.session.version, values: changedFields(before, rest) });
      } else {
        await save.mutateAsync({ values: { ...values, name: values.name.trim() } });
      }
      props.onSaved();
    } catch (error) {
      reportFormError(form, fieldNames, error, props.fail);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.session ? t('编辑会议') : t('新增会议')}
      okText={t('保存')}
      cancelText={t('取消')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="termId" label={t('所属届次')} rules={[{ required: true, message: t('请选择届次') }]}>
          <Select
            disabled={props.session !== null}
            options={props.terms.map((term) => ({ value: term.id, label: t(term.name) }))}
          />
        </Form.Item>
        <Form.Item name="number" label={t('第几次会议')} rules={[{ required: true, message: t('请输入次数') }]}>
          <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true, message: t('请输入名称') }]}>
          <Input maxLength={50} placeholder={t('如：十届五次会议')} />
        </Form.Item>
        <Form.Item name="year" label={t('年份')} rules={[{ required: true, message: t('请输入年份') }]}>
          <InputNumber min={1949} max={2200} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="proposalWindowOpensOn"
          label={t('大会提案征集开始日期')}
          rules={[{ required: true, message: t('请选择日期') }]}
        >
          <DateField allowClear={false} />
        </Form.Item>
        <Form.Item name="plenaryStartsOn" label={t('大会开幕日期')} rules={[{ required: true, message: t('请选择日期') }]}>
          <DateField allowClear={false} />
        </Form.Item>
        <Form.Item
          name="plenaryEndsOn"
          label={t('大会闭幕日期')}
          extra={t('大会提案截止到闭幕日（含）')}
          rules={[{ required: true, message: t('请选择日期') }]}
        >
          <DateField allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
