/**
 * 转交承办单位: exactly one unit — the suggested units first (category defaults, similar past items, the routing
 * model, with their score and why), any other unit by search — optionally the category, and a note for the unit.
 * The reply is due in the committee's working days (default 15) from the transfer.
 */
import { Empty, Flex, Form, Input, Radio, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useText } from '../../lib/i18n.tsx';
import { DictionarySelect } from '../orgs/dictionary-select.tsx';
import { UnitSelect } from '../people/unit-select.tsx';
import { MicroActionDialog, type MicroDialogProps, useMicroActionSubmit } from './micro-action-dialog.tsx';
import { useUnitSuggestions } from './micro-api.ts';

/** The names of the sources of a suggestion. */
const sourceNames: Record<string, string> = { category: '领域默认', history: '相似件', model: '智能分办' };

/** The score from which the first suggested unit is chosen in advance. */
const PRESELECT_SCORE = 0.5;

type TransferValues = { unitId?: string | null; categoryId?: string | null; note?: string };

/** The dialog. */
export function TransferDialog({ item, open, onClose, onDone }: MicroDialogProps) {
  const t = useText();
  const [form] = Form.useForm<TransferValues>();
  const action = useMicroActionSubmit(item, 'transfer');
  const suggestions = useUnitSuggestions(open ? item.id : null);
  const units = suggestions.data?.items ?? [];
  const chosen = Form.useWatch('unitId', form);
  // A confident first suggestion is chosen already; the office still confirms (or picks another).
  const top = units[0];
  useEffect(() => {
    if (top && top.score >= PRESELECT_SCORE && !form.getFieldValue('unitId')) form.setFieldValue('unitId', top.unitId);
  }, [top, form]);
  const ok = async () => {
    const values = await form.validateFields();
    const body = {
      unitId: values.unitId,
      categoryId: values.categoryId ?? undefined,
      note: values.note?.trim() || undefined,
    };
    const updated = await action.submit(body, form, ['unitId', 'categoryId', 'note']);
    if (updated) onDone(updated, '已转交承办单位');
  };
  return (
    <MicroActionDialog
      open={open}
      title="转交承办单位"
      okText="确认转交"
      item={item}
      width={640}
      {...action}
      okDisabled={!chosen}
      onOk={ok}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ categoryId: item.categoryId }}>
        <Form.Item
          name="unitId"
          label={t('承办单位')}
          rules={[{ required: true, message: t('请选择承办单位') }]}
          extra={t('一件微建议只交一个单位办理')}
        >
          <UnitChoice units={units} loading={suggestions.isLoading} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('领域（可选）')}>
          <DictionarySelect kind="proposal_category" placeholder="请选择领域" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('交办说明（可选，承办单位可见）')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </MicroActionDialog>
  );
}

/** The suggested units as a list to tap, and a search for any other unit; the value is one unit id. */
function UnitChoice(props: {
  units: { unitId: string; unitName: string; score: number; sources: string[] }[];
  loading: boolean;
  value?: string | null;
  onChange?: (value: string | null) => void;
}) {
  const t = useText();
  const suggested = props.units.some((unit) => unit.unitId === props.value);
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('建议的承办单位')}</Typography.Text>
      {props.loading ? <Spin /> : null}
      {!props.loading && props.units.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无建议，请在下方搜索承办单位')} />
      ) : null}
      <Radio.Group value={suggested ? props.value : undefined} onChange={(event) => props.onChange?.(event.target.value)}>
        <Flex vertical gap={6}>
          {props.units.map((unit, index) => (
            <Radio key={unit.unitId} value={unit.unitId}>
              <Flex gap={6} wrap align="center">
                <Typography.Text strong={index === 0}>{t(unit.unitName)}</Typography.Text>
                <Tag color={index === 0 ? 'red' : 'default'}>{Math.round(unit.score * 100)}%</Tag>
                {unit.sources.map((source) => (
                  <Tag key={source} color="blue">
                    {t(sourceNames[source] ?? source)}
                  </Tag>
                ))}
              </Flex>
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
      <Typography.Text type="secondary">{t('或选择其他单位')}</Typography.Text>
      <UnitSelect
        value={suggested ? null : (props.value ?? null)}
        onChange={(value) => props.onChange?.(value)}
        placeholder="输入单位名称搜索"
        style={{ width: '100%' }}
      />
    </Flex>
  );
}
