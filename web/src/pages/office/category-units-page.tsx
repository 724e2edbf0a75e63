import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Modal, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DictionaryEntry } from '../../../../contracts/orgs.ts';
import { PLAN_UNIT_LIMIT } from '../../features/assignments/assignment-plan.ts';
import { useCategoryDefaultUnits, useSaveCategoryDefaultUnits } from '../../features/assignments/assignments-api.ts';
import { UnitsSelect, useUnitNames } from '../../features/assignments/unit-options.tsx';
import { useDictionary } from '../../features/orgs/orgs-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, tableCardStyle, useFeedback, useIsPhone, useWidthScale } from '../admin/shared/admin-ui.tsx';

/** The default units of one category, as tags. */
function DefaultUnitsCell({ categoryId }: { categoryId: string }) {
  const t = useT();
  const { data, isLoading, error } = useCategoryDefaultUnits(categoryId);
  const names = useUnitNames();
  if (isLoading) return <Skeleton.Input active size="small" />;
  if (error) return <Typography.Text type="danger">{t('加载失败')}</Typography.Text>;
  if (!data?.unitIds.length) return <Typography.Text type="secondary">{t('未设置')}</Typography.Text>;
  return (
    <Flex wrap gap={6}>
      {data.unitIds.map((id, index) => (
        <Tag key={id} color={index === 0 ? 'blue' : undefined}>
          {t(names.get(id) ?? '（已停用的单位）')}
        </Tag>
      ))}
    </Flex>
  );
}

/** The editor of one category's default units. */
function EditDefaultUnitsModal(props: {
  category: DictionaryEntry | null;
  onClose: () => void;
  ok: (text: string) => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const current = useCategoryDefaultUnits(props.category?.id ?? '');
  const save = useSaveCategoryDefaultUnits();
  const [unitIds, setUnitIds] = useState<string[]>([]);
  useEffect(() => {
    if (props.category && current.data) setUnitIds(current.data.unitIds);
  }, [props.category, current.data]);
  const tooMany = unitIds.length > PLAN_UNIT_LIMIT;
  return (
    <Modal
      open={props.category !== null}
      title={`${t('默认承办单位')} · ${t(props.category?.name ?? '')}`}
      okText={t('保存')}
      cancelText={t('取消')}
      okButtonProps={{ disabled: tooMany }}
      confirmLoading={save.isPending}
      onCancel={props.onClose}
      destroyOnHidden
      onOk={async () => {
        if (!props.category) return;
        try {
          await save.mutateAsync({ categoryId: props.category.id, unitIds });
          props.ok('已保存默认承办单位');
          props.onClose();
        } catch (error) {
          props.fail(error);
        }
      }}
    >
      <Typography.Paragraph type="secondary">
        {t('交办本类别的提案时，这些单位会作为建议承办单位预先填入；排在第一的单位建议为主办单位。')}
      </Typography.Paragraph>
      <UnitsSelect
        multiple
        value={unitIds}
        onChange={setUnitIds}
        aria-label={t('默认承办单位')}
        status={tooMany ? 'error' : undefined}
      />
      {tooMany ? <Typography.Text type="danger">{t(`默认承办单位最多 ${PLAN_UNIT_LIMIT} 个`)}</Typography.Text> : null}
    </Modal>
  );
}

/** 类别默认承办单位: for each proposal category, the units suggested when its proposals are assigned. */
export function CategoryUnitsPage() {
  const t = useT();
  const w = useWidthScale();
  const feedback = useFeedback();
  const categories = useDictionary('proposal_category');
  const [editing, setEditing] = useState<DictionaryEntry | null>(null);
  const phone = useIsPhone();
  return (
    <div>
      {feedback.holder}
      <PageTitle title="类别默认承办单位" />
      <Card size="small" style={tableCardStyle}>
        <Table<DictionaryEntry>
          rowKey="id"
          size="middle"
          loading={categories.isLoading}
          dataSource={categories.data ?? []}
          pagination={false}
          scroll={phone ? undefined : { x: w(640) }}
          locale={{ emptyText: categories.error ? t('加载失败，请刷新重试') : t('尚未设置提案类别（在字典管理中添加）') }}
          columns={[
            { title: t('提案类别'), dataIndex: 'name', width: phone ? w(88) : w(160), render: (name: string) => t(name) },
            {
              title: t('默认承办单位'),
              key: 'units',
              render: (_value, category) => <DefaultUnitsCell categoryId={category.id} />,
            },
            {
              title: t('操作'),
              key: 'actions',
              width: phone ? w(64) : w(90),
              fixed: phone ? undefined : 'right',
              render: (_value, category) => (
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(category)}
                  aria-label={t('编辑')}
                >
                  {phone ? null : t('编辑')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <EditDefaultUnitsModal category={editing} onClose={() => setEditing(null)} ok={feedback.ok} fail={feedback.fail} />
    </div>
  );
}
