/**
 * 答复类别: the committee's scheme of reply result classes (A/B/C by default) — code, name, and whether a reply of
 * the class promises a follow-up report — edited row by row and saved as one setting (If-Match: the version).
 * Replies already written keep the code they were given.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TenantSettings } from '../../../../contracts/settings.ts';
import { errorMessage, isVersionConflict } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { type ResultClassRow, resultClassesPatch, resultClassScheme } from './settings-fields.ts';

export function ResultClassesCard(props: {
  settings: TenantSettings;
  version: number;
  canEdit: boolean;
  save: (patch: NonNullable<ReturnType<typeof resultClassesPatch>>) => Promise<void>;
  onReload: () => void;
  ok: (text: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ rows: ResultClassRow[] }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const saved = props.settings.proposals.resultClasses;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the rows only when the saved version changes
  useEffect(() => {
    form.setFieldsValue({ rows: saved.map((row) => ({ ...row })) });
  }, [props.version, form]);

  const submit = async (values: { rows?: ResultClassRow[] }) => {
    const { scheme, problems } = resultClassScheme(values.rows ?? []);
    if (problems.length > 0) {
      setProblem(problems.join('；'));
      return;
    }
    const patch = resultClassesPatch(props.settings, scheme);
    if (!patch) {
      props.ok('没有修改');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await props.save(patch);
      props.ok('答复类别已保存');
    } catch (error) {
      setProblem(isVersionConflict(error) ? '设置已被他人修改，请刷新后再改' : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('答复类别')} size="small">
      <Typography.Paragraph type="secondary">
        {t(
          '承办单位答复时选择的类别（默认 A、B、C 三类）。标为“须报后续办理情况”的类别，承办单位须填写报告日期并按期报送。已有答复保留原类别代码。',
        )}
      </Typography.Paragraph>
      {props.canEdit ? null : (
        <Alert type="info" showIcon title={t('答复类别只能由系统管理员修改。')} style={{ marginBottom: 16 }} />
      )}
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={t(problem)}
          style={{ marginBottom: 16 }}
          action={
            problem.includes('他人修改') ? (
              <Button size="small" onClick={props.onReload}>
                {t('刷新')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form form={form} disabled={!props.canEdit} onFinish={submit}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'code']} style={{ marginBottom: 0, width: 96 }}>
                    <Input aria-label={`${t('类别代码')} ${index + 1}`} placeholder={t('代码')} maxLength={8} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} style={{ marginBottom: 0, flex: '1 1 240px' }}>
                    <Input aria-label={`${t('类别名称')} ${index + 1}`} placeholder={t('名称')} maxLength={100} />
                  </Form.Item>
                  <Flex align="center" gap={6} style={{ minHeight: 32 }}>
                    <Form.Item name={[field.name, 'needsFollowUp']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Switch size="small" aria-label={`${t('须报后续办理情况')} ${index + 1}`} />
                    </Form.Item>
                    <Typography.Text>{t('须报后续办理情况')}</Typography.Text>
                  </Flex>
                  {props.canEdit ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('删除类别')} ${index + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  ) : null}
                </Flex>
              ))}
              {props.canEdit ? (
                <Space style={{ marginTop: 8 }} wrap>
                  <Button icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', needsFollowUp: false })}>
                    {t('添加类别')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {t('保存')}
                  </Button>
                  <Button htmlType="button" onClick={() => form.setFieldsValue({ rows: saved.map((row) => ({ ...row })) })}>
                    {t('撤销修改')}
                  </Button>
                </Space>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
