import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { type Member, memberImportColumns, memberImportRequiredColumns, memberStateNames } from '../../../../contracts/people.ts';
import { DictionarySelect } from '../../features/orgs/dictionary-select.tsx';
import { ExcelImportModal } from '../../features/people/excel-import-modal.tsx';
import { MemberDetailDrawer } from '../../features/people/member-detail-drawer.tsx';
import { MemberFormDrawer } from '../../features/people/member-form-drawer.tsx';
import {
  downloadMemberTemplate,
  exportMembers,
  importMembers,
  type MemberListFilter,
  useMembers,
} from '../../features/people/members-api.ts';
import { hasRole, useAdminMe } from './shared/admin-me.ts';
import { useT } from './shared/admin-text.ts';
import { CursorPager, PageTitle, tableCardStyle, useFeedback, useFilterFieldStyle, useWidthScale } from './shared/admin-ui.tsx';
import { currentCursor, firstPage } from './shared/cursor-pages.ts';
import { FilterBar } from './shared/filter-bar.tsx';

/** 委员管理: the member roster with search, filters, paging, create/edit, details, Excel import and export. */
export function MembersPage() {
  const w = useWidthScale();
  const t = useT();
  const feedback = useFeedback();
  const fieldStyle = useFilterFieldStyle();
  const keywordStyle = useFilterFieldStyle(220);
  const { data: me } = useAdminMe();
  const canManage = hasRole(me, 'system_admin', 'proposal_office');
  const [form] = Form.useForm<MemberListFilter>();
  const [filter, setFilter] = useState<MemberListFilter>({});
  const [pages, setPages] = useState(firstPage(20));
  const { data, isFetching, error } = useMembers(filter, currentCursor(pages), pages.pageSize);
  const [editing, setEditing] = useState<{ member: Member | null } | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const search = (values: MemberListFilter) => {
    setFilter(
      Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '')),
    );
    setPages(firstPage(pages.pageSize));
  };
  const runExport = async () => {
    setExporting(true);
    try {
      await exportMembers(filter);
    } catch (exportError) {
      feedback.fail(exportError);
    } finally {
      setExporting(false);
    }
  };

  const ref = (value: { name: string } | null) => (value ? t(value.name) : '—');
  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="委员管理"
        extra={
          <>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ member: null })}>
                {t('新增委员')}
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
            <Form.Item name="sectorId" label={t('界别')}>
              <DictionarySelect kind="sector" style={fieldStyle} placeholder="全部" />
            </Form.Item>
            <Form.Item name="partyId" label={t('党派')}>
              <DictionarySelect kind="party" style={fieldStyle} placeholder="全部" />
            </Form.Item>
            <Form.Item name="committeeId" label={t('专委会')}>
              <DictionarySelect kind="committee" style={fieldStyle} placeholder="全部" />
            </Form.Item>
            <Form.Item name="groupId" label={t('小组')}>
              <DictionarySelect kind="group" style={fieldStyle} placeholder="全部" />
            </Form.Item>
            <Form.Item name="standingCommittee" label={t('常委')}>
              <Select
                allowClear
                placeholder={t('全部')}
                style={fieldStyle}
                options={[
                  { value: 'true', label: t('是') },
                  { value: 'false', label: t('否') },
                ]}
              />
            </Form.Item>
            <Form.Item name="state" label={t('状态')}>
              <Select
                allowClear
                placeholder={t('全部')}
                style={fieldStyle}
                options={(['active', 'inactive'] as const).map((state) => ({ value: state, label: t(memberStateNames[state]) }))}
              />
            </Form.Item>
          </>
        }
      >
        <Form.Item name="q" label={t('关键词')}>
          <Input allowClear placeholder={t('姓名、手机号或身份证号')} style={keywordStyle} maxLength={50} />
        </Form.Item>
      </FilterBar>
      <Card size="small" style={tableCardStyle}>
        <Table<Member>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: w(1280) }}
          locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('暂无委员') }}
          onRow={(member) => ({ onDoubleClick: () => setDetailId(member.id) })}
          columns={[
            {
              title: t('姓名'),
              dataIndex: 'name',
              fixed: 'left',
              width: w(110),
              render: (name: string, member) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setDetailId(member.id)}>
                  {name}
                </Button>
              ),
            },
            { title: t('界别'), dataIndex: 'sector', width: w(130), render: ref },
            { title: t('党派'), dataIndex: 'party', width: w(110), render: ref },
            { title: t('专委会'), dataIndex: 'committee', width: w(150), render: ref },
            { title: t('小组'), dataIndex: 'group', width: w(110), render: ref },
            {
              title: t('工作单位及职务'),
              key: 'work',
              width: w(220),
              ellipsis: true,
              render: (_value, member) => [member.workplace, member.position].filter(Boolean).join(' ') || '—',
            },
            {
              title: t('常委'),
              dataIndex: 'isStandingCommittee',
              width: w(80),
              render: (standing: boolean) => (standing ? <Tag color="red">{t('常委')}</Tag> : '—'),
            },
            { title: t('手机号'), dataIndex: 'mobileMasked', width: w(130), render: (value: string | null) => value ?? '—' },
            { title: t('身份证号'), dataIndex: 'idNumberMasked', width: w(190), render: (value: string | null) => value ?? '—' },
            {
              title: t('状态'),
              dataIndex: 'state',
              width: w(90),
              render: (state: Member['state']) => (
                <Tag color={state === 'active' ? 'green' : 'default'}>{t(memberStateNames[state])}</Tag>
              ),
            },
            {
              title: t('操作'),
              key: 'actions',
              fixed: 'right',
              width: w(canManage ? 130 : 80),
              render: (_value, member) => (
                <>
                  <Button type="link" size="small" onClick={() => setDetailId(member.id)}>
                    {t('查看')}
                  </Button>
                  {canManage ? (
                    <Button type="link" size="small" onClick={() => setEditing({ member })}>
                      {t('编辑')}
                    </Button>
                  ) : null}
                </>
              ),
            },
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
      <MemberFormDrawer
        open={editing !== null}
        member={editing?.member ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          feedback.ok(editing?.member ? '已保存' : '已新增委员');
          setEditing(null);
        }}
        fail={feedback.fail}
      />
      <MemberDetailDrawer
        memberId={detailId}
        canManage={canManage}
        onClose={() => setDetailId(null)}
        onEdit={(member) => setEditing({ member })}
        ok={feedback.ok}
        fail={feedback.fail}
      />
      <ExcelImportModal
        open={importing}
        kind="members"
        title="Excel 导入委员"
        columns={memberImportColumns}
        requiredColumns={memberImportRequiredColumns}
        upload={importMembers}
        downloadTemplate={downloadMemberTemplate}
        onClose={() => setImporting(false)}
      />
    </div>
  );
}
