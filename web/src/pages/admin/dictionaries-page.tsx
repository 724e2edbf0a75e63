import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type DictionaryEntry, type DictionaryKind, dictionaryKindNames, dictionaryKinds } from '../../../../contracts/orgs.ts';
import { DictionaryEntryModal } from '../../features/orgs/dictionary-entry-modal.tsx';
import { useDictionary, useSetDictionaryEntryActive } from '../../features/orgs/orgs-api.ts';
import { useT } from './shared/admin-text.ts';
import { PageTitle, tableCardStyle, useFeedback, useWidthScale } from './shared/admin-ui.tsx';

/** One dictionary's entries with add, edit and retire. */
function DictionaryTab(props: { kind: DictionaryKind; feedback: ReturnType<typeof useFeedback> }) {
  const w = useWidthScale();
  const t = useT();
  const [showInactive, setShowInactive] = useState(false);
  const { data, isFetching, error } = useDictionary(props.kind, showInactive);
  const setActive = useSetDictionaryEntryActive();
  const [editing, setEditing] = useState<{ entry: DictionaryEntry | null } | null>(null);

  const toggle = async (entry: DictionaryEntry) => {
    try {
      await setActive.mutateAsync({ id: entry.id, version: entry.version, active: !entry.active });
      props.feedback.ok(entry.active ? '已停用' : '已重新启用');
    } catch (toggleError) {
      props.feedback.fail(toggleError);
    }
  };

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: null })}>
          {t('新增')}
          {t(dictionaryKindNames[props.kind])}
        </Button>
        <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <Switch checked={showInactive} onChange={setShowInactive} aria-label={t('显示已停用')} />
          {t('显示已停用')}
        </span>
      </div>
      <Table<DictionaryEntry>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={(data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: w(720) }}
        locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('暂无条目') }}
        columns={[
          { title: t('代码'), dataIndex: 'code', width: w(90) },
          { title: t('名称'), dataIndex: 'name', width: w(220), render: (name: string) => t(name) },
          {
            title: t('说明'),
            dataIndex: 'description',
            ellipsis: true,
            render: (value: string | null) => (value ? t(value) : '—'),
          },
          { title: t('排序'), dataIndex: 'sortOrder', width: w(70) },
          {
            title: t('状态'),
            dataIndex: 'active',
            width: w(90),
            render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{active ? t('启用') : t('已停用')}</Tag>,
          },
          {
            title: t('操作'),
            key: 'actions',
            width: w(130),
            fixed: 'right',
            render: (_value, entry) => (
              <>
                <Button type="link" size="small" onClick={() => setEditing({ entry })}>
                  {t('编辑')}
                </Button>
                <Popconfirm
                  title={entry.active ? t('停用后不能再选用，已引用的记录仍显示其名称。确定停用吗？') : t('确定重新启用吗？')}
                  okText={t('确定')}
                  cancelText={t('取消')}
                  onConfirm={() => toggle(entry)}
                >
                  <Button type="link" size="small" danger={entry.active}>
                    {entry.active ? t('停用') : t('启用')}
                  </Button>
                </Popconfirm>
              </>
            ),
          },
        ]}
      />
      <DictionaryEntryModal
        open={editing !== null}
        kind={props.kind}
        entry={editing?.entry ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          props.feedback.ok('已保存');
          setEditing(null);
        }}
        fail={props.feedback.fail}
      />
    </>
  );
}

/** 字典管理: one tab per dictionary (界别, 专委会, 党派, 小组, 提案类别, 不予立案理由, 办理结果分类). */
export function DictionariesPage() {
  const t = useT();
  const feedback = useFeedback();
  return (
    <div>
      {feedback.holder}
      <PageTitle title="字典管理" />
      <Card size="small" style={tableCardStyle}>
        <Typography.Paragraph type="secondary">
          {t('字典项被委员、提案等记录引用，因此不能删除；不再使用的条目请停用。')}
        </Typography.Paragraph>
        <Tabs
          destroyOnHidden
          items={dictionaryKinds.map((kind) => ({
            key: kind,
            label: t(dictionaryKindNames[kind]),
            children: <DictionaryTab kind={kind} feedback={feedback} />,
          }))}
        />
      </Card>
    </div>
  );
}
