import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  type Unit,
  type UnitKind,
  unitImportColumns,
  unitImportRequiredColumns,
  unitKindNames,
  unitKinds,
} from '../../../../contracts/people.ts';
import { ExcelImportModal } from '../../features/people/excel-import-modal.tsx';
import { UnitFormDrawer } from '../../features/people/unit-form-drawer.tsx';
import { UnitSelect } from '../../features/people/unit-select.tsx';
import {
  downloadUnitTemplate,
  exportUnits,
  importUnits,
  type UnitListFilter,
  useSetUnitActive,
  useUnits,
} from '../../features/people/units-api.ts';
import { hasRole, useAdminMe } from './shared/admin-me.ts';
import { useT } from './shared/admin-text.ts';
import { CursorPager, PageTitle, tableCardStyle, useFeedback, useFilterFieldStyle, useWidthScale } from './shared/admin-ui.tsx';
import { currentCursor, firstPage } from './shared/cursor-pages.ts';
import { FilterBar } from './shared/filter-bar.tsx';

/** 承办单位: the handling units with search, filters, paging, create/edit, deactivate, Excel import and export. */
export function UnitsPage() {
  const w = useWidthScale();
  const t = useT();
  const feedback = useFeedback();
  const fieldStyle = useFilterFieldStyle();
  const { data: me } = useAdminMe();
  const canManage = hasRole(me, 'system_admin', 'proposal_office');
  const [form] = Form.useForm<UnitListFilter>();
  const [filter, setFilter] = useState<UnitListFilter>({});
  const [pages, setPages] = useState(firstPage(20));
  const { data, isFetching, error } = useUnits(filter, currentCursor(pages), pages.pageSize);
  const setActive = useSetUnitActive();
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const search = (values: UnitListFilter) => {
    setFilter(
      Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '')),
    );
    setPages(firstPage(pages.pageSize));
  };
  const runExport = async () => {
    setExporting(true);
    try {
      await exportUnits(filter);
    } catch (exportError) {
      feedback.fail(exportError);
    } finally {
      setExporting(false);
    }
  };
  const toggle = async (unit: Unit) => {
    try {
      await setActive.mutateAsync({ id: unit.id, version: unit.version, active: !unit.active });
      feedback.ok(unit.active ? '已停用' : '已启用');
    } catch (toggleError) {
      feedback.fail(toggleError);
    }
  };

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="承办单位"
        extra={
          <>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ unit: null })}>
                {t('新增单位')}
              </Button>
            ) : null}
            {canManage ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('Excel 导入')}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={runExport}>
              {t('导出')}
            </Button>
          </>
        }
      />
      <FilterBar
        form={form}
        onSearch={search}
        more={
          <>
            <Form.Item name="parentId" label={t('上级单位')}>
              <UnitSelect style={fieldStyle} placeholder="全部" />
            </Form.Item>
            <Form.Item name="kind" label={t('类型')}>
              <Select
                allowClear
                placeholder={t('全部')}
                style={fieldStyle}
                options={unitKinds.map((kind) => ({ value: kind, label: t(unitKindNames[kind]) }))}
              />
            </Form.Item>
            <Form.Item name="active" label={t('状态')}>
              <Select
                allowClear
                placeholder={t('全部')}
                style={fieldStyle}
                options={[
                  { value: 'true', label: t('启用') },
                  { value: 'false', label: t('已停用') },
                ]}
              />
            </Form.Item>
          </>
        }
      >
        <Form.Item name="q" label={t('关键词')}>
          <Input allowClear placeholder={t('单位名称或编码')} style={fieldStyle} maxLength={50} />
        </Form.Item>
      </FilterBar>
      <Card size="small" style={tableCardStyle}>
        <Table<Unit>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: w(1160) }}
          locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('暂无承办单位') }}
          columns={[
            { title: t('编码'), dataIndex: 'code', width: w(100) },
            { title: t('单位名称'), dataIndex: 'name', width: w(200), fixed: 'left', render: (name: string) => t(name) },
            {
              title: t('简称'),
              dataIndex: 'shortName',
              width: w(110),
              render: (value: string | null) => (value ? t(value) : '—'),
            },
            {
              title: t('上级单位'),
              dataIndex: 'parent',
              width: w(160),
              render: (parent: Unit['parent']) => (parent ? t(parent.name) : '—'),
            },
            { title: t('类型'), dataIndex: 'kind', width: w(110), render: (kind: UnitKind) => t(unitKindNames[kind]) },
            { title: t('联系人'), dataIndex: 'contactName', width: w(100), render: (value: string | null) => value ?? '—' },
            {
              title: t('联系电话'),
              dataIndex: 'contactPhoneMasked',
              width: w(130),
              render: (value: string | null) => value ?? '—',
            },
            { title: t('排序'), dataIndex: 'sortOrder', width: w(70) },
            {
              title: t('状态'),
              dataIndex: 'active',
              width: w(90),
              render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{active ? t('启用') : t('已停用')}</Tag>,
            },
            ...(canManage
              ? [
                  {
                    title: t('操作'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: w(130),
                    render: (_value: unknown, unit: Unit) => (
                      <>
                        <Button type="link" size="small" onClick={() => setEditing({ unit })}>
                          {t('编辑')}
                        </Button>
                        <Popconfirm
                          title={unit.active ? t('确定停用该单位吗？') : t('确定启用该单位吗？')}
                          okText={t('确定')}
                          cancelText={t('取消')}
                          onConfirm={() => toggle(unit)}
                        >
                          <Button type="link" size="small" danger={unit.active}>
                            {unit.active ? t('停用') : t('启用')}
                          </Button>
                        </Popconfirm>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <CursorPager
          pages={pages}
          rowsOnPage={data?.items.length ?? 0}
          nextCursor={data?.nextCursor}
          total={data?.total}
          loading={isFetching}
          onChange={setPages}
        />
      </Card>
      <UnitFormDrawer
        open={editing !== null}
        unit={editing?.unit ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          feedback.ok(editing?.unit ? '已保存' : '已新增单位');
          setEditing(null);
        }}
        fail={feedback.fail}
      />
      <ExcelImportModal
        open={importing}
        kind="units"
        title="Excel 导入承办单位"
        columns={unitImportColumns}
        requiredColumns={unitImportRequiredColumns}
        upload={importUnits}
        downloadTemplate={downloadUnitTemplate}
        onClose={() => setImporting(false)}
      />
    </div>
  );
}
