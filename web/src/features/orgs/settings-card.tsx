import { Alert, Button, Card, Col, Form, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { AdminApiError, errorMessage, isVersionConflict } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { type NumberSetting, settingsFieldName } from './settings-fields.ts';

/** A form of number settings (and optional switches) that saves one part of the committee's settings. */
export function SettingsCard<Values extends Record<string, number | boolean>>(props: {
  title: string;
  description: string;
  fields: NumberSetting[];
  switches?: { key: string; label: string; help?: string }[];
  values: Values;
  /** The settings' version: the form reloads its values when it changes (not on every render). */
  version: number;
  canEdit: boolean;
  /** Why the form is read-only, for users without the role. */
  readOnlyReason: string;
  save: (values: Values) => Promise<'saved' | 'unchanged'>;
  onReload: () => void;
  ok: (text: string) => void;
  extra?: ReactNode;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; conflict: boolean } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the values only when the saved version changes
  useEffect(() => {
    form.setFieldsValue(props.values as Parameters<typeof form.setFieldsValue>[0]);
  }, [props.version, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await props.save(values);
      props.ok(outcome === 'saved' ? '设置已保存' : '没有修改');
    } catch (error) {
      if (isVersionConflict(error)) {
        setProblem({ text: '设置已被他人修改，请刷新后再改', conflict: true });
      } else {
        if (error instanceof AdminApiError) {
          form.setFields(
            error.errors.map((item) => ({ name: settingsFieldName(item.field), errors: [t(item.message)] })) as Parameters<
              typeof form.setFields
            >[0],
          );
        }
        setProblem({ text: errorMessage(error), conflict: false });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t(props.title)} size="small" extra={props.extra}>
      <Typography.Paragraph type="secondary">{t(props.description)}</Typography.Paragraph>
      {props.canEdit ? null : <Alert type="info" showIcon title={t(props.readOnlyReason)} style={{ marginBottom: 16 }} />}
      {problem ? (
        <Alert
          type={problem.conflict ? 'warning' : 'error'}
          showIcon
          title={t(problem.text)}
          style={{ marginBottom: 16 }}
          action={
            problem.conflict ? (
              <Button
                size="small"
                onClick={() => {
                  setProblem(null);
                  props.onReload();
                }}
              >
                {t('刷新')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form form={form} layout="vertical" disabled={!props.canEdit} onFinish={submit}>
        <Row gutter={16}>
          {props.fields.map((field) => (
            <Col key={field.key} xs={24} md={12}>
              <Form.Item
                name={field.key}
                label={t(field.label)}
                extra={`${field.help ? `${t(field.help)}；` : ''}${t('范围')} ${field.min}–${field.max}`}
                rules={[{ required: true, message: t('请填写') }]}
              >
                <InputNumber min={field.min} max={field.max} precision={0} suffix={t(field.unit)} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          {(props.switches ?? []).map((item) => (
            <Col key={item.key} xs={24} md={12}>
              <Form.Item
                name={item.key}
                label={t(item.label)}
                valuePropName="checked"
                extra={item.help ? t(item.help) : undefined}
              >
                <Switch />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {props.canEdit ? (
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('保存')}
            </Button>
            <Button
              htmlType="button"
              onClick={() => form.setFieldsValue(props.values as Parameters<typeof form.setFieldsValue>[0])}
            >
              {t('撤销修改')}
            </Button>
          </Space>
        ) : null}
      </Form>
    </Card>
  );
}
