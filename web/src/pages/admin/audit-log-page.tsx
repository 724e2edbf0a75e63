import { AutoComplete, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CSSProperties, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type AuditEventSummary, eventResultNames } from '../../../../contracts/audit.ts';
import { type AuditFilter, useAuditEvents, useAuditEventTypes } from '../../features/audit/audit-api.ts';
import { AuditEventDrawer } from '../../features/audit/audit-event-drawer.tsx';
import { DownloadCheckpointsButton } from '../../features/audit/download-checkpoints-button.tsx';
import { eventTypeName, eventTypeOptions } from '../../features/audit/event-types.ts';
import { PlatformLoginFailuresCard } from '../../features/audit/platform-login-failures-card.tsx';
import { VerifyChainButton } from '../../features/audit/verify-chain-button.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from './shared/admin-text.ts';
import {
  CursorPager,
  PageTitle,
  tableCardStyle,
  useFeedback,
  useFilterFieldStyle,
  useIsPhone,
  useWidthScale,
} from './shared/admin-ui.tsx';
import { currentCursor, firstPage } from './shared/cursor-pages.ts';
import { FilterBar } from './shared/filter-bar.tsx';

// Actor and event names wrap inside their column (a long name or an unnamed code must not run into the next one).
const wrappingTextStyle: CSSProperties = { whiteSpace: 'normal', wordBreak: 'break-word', overflowWrap: 'anywhere' };
const wrappingLinkStyle: CSSProperties = { ...wrappingTextStyle, padding: 0, height: 'auto', textAlign: 'left' };

type FilterForm = Omit<AuditFilter, 'fromDate' | 'toDate'> & { range?: [Dayjs | null, Dayjs | null] | null };

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The form's first values from a link's type and dates (anything malformed is left out). */
function linkedFilter(search: URLSearchParams): FilterForm {
  const type = search.get('type')?.trim().slice(0, 100);
  const day = (name: string) => {
    const value = search.get(name);
    return value && DATE_PATTERN.test(value) && dayjs(value).isValid() ? dayjs(value) : null;
  };
  const from = day('fromDate');
  const to = day('toDate');
  return { ...(type ? { type } : {}), ...(from || to ? { range: [from, to] } : {}) };
}

/** The screen's filter from the form: the date range becomes two business dates. */
function filterOf(values: FilterForm): AuditFilter {
  const { range, ...rest } = values;
  const filter: AuditFilter = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined && value !== null && String(value).trim() !== ''),
  );
  if (range?.[0]) filter.fromDate = range[0].format('YYYY-MM-DD');
  if (range?.[1]) filter.toDate = range[1].format('YYYY-MM-DD');
  return filter;
}

/**
 * 审计日志 (the auditor's): filter by type, actor, object, result and dates; details; chain verification with the
 * head it reached; the signed checkpoint file to download.
 */
export function AuditLogPage() {
  const w = useWidthScale();
  const t = useT();
  const feedback = useFeedback();
  const phone = useIsPhone();
  const fieldStyle = useFilterFieldStyle(200);
  const resultStyle = useFilterFieldStyle(120);
  const [form] = Form.useForm<FilterForm>();
  // A link may name the type and dates (the workbench's 今日登录失败: ?type=auth.login_failed&fromDate=…&toDate=…).
  const [search] = useSearchParams();
  const [linked] = useState(() => linkedFilter(search));
  const [filter, setFilter] = useState<AuditFilter>(() => filterOf(linked));
  const [pages, setPages] = useState(firstPage(50));
  const { data, isFetching, error, refetch } = useAuditEvents(filter, currentCursor(pages), pages.pageSize);
  const types = useAuditEventTypes();
  const [detailId, setDetailId] = useState<string | null>(null);

  const apply = (values: FilterForm) => {
    setFilter(filterOf(values));
    setPages(firstPage(pages.pageSize));
  };
  const narrow = (patch: Partial<FilterForm>) => {
    form.setFieldsValue(patch);
    apply(form.getFieldsValue());
  };

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="审计日志"
        extra={
          <Space wrap>
            <VerifyChainButton fail={feedback.fail} onVerified={() => void refetch()} />
            <DownloadCheckpointsButton fail={feedback.fail} />
          </Space>
        }
      />
      <FilterBar
        form={form}
        onSearch={apply}
        initialValues={linked}
        more={
          <>
            <Form.Item name="actorId" label={t('操作人')}>
              <Input allowClear style={fieldStyle} placeholder={t('点选列表中的人名')} maxLength={36} />
            </Form.Item>
            <Form.Item name="result" label={t('结果')}>
              <Select
                allowClear
                placeholder={t('全部')}
                style={resultStyle}
                options={(['success', 'failure'] as const).map((result) => ({
                  value: result,
                  label: t(eventResultNames[result]),
                }))}
              />
            </Form.Item>
            <Form.Item name="range" label={t('日期')}>
              <DatePicker.RangePicker style={phone ? { width: '100%' } : undefined} allowEmpty={[true, true]} />
            </Form.Item>
            <Form.Item name="subjectType" label={t('对象类型')} hidden={!filter.subjectType}>
              <Input allowClear style={fieldStyle} />
            </Form.Item>
            <Form.Item name="subjectId" label={t('对象编号')} hidden={!filter.subjectId}>
              <Input allowClear style={fieldStyle} />
            </Form.Item>
          </>
        }
      >
        <Form.Item name="type" label={t('事件类型')}>
          <AutoComplete
            allowClear
            style={fieldStyle}
            placeholder={t('全部')}
            options={eventTypeOptions(types.data ?? []).map((option) => ({ value: option.value, label: t(option.label) }))}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.value ?? '').includes(input) || String(option?.label ?? '').includes(input),
            }}
          />
        </Form.Item>
      </FilterBar>
      <Card size="small" style={tableCardStyle}>
        <Table<AuditEventSummary>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: w(1100) }}
          locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('没有符合条件的记录') }}
          columns={[
            { title: t('序号'), dataIndex: 'sequence', width: w(80) },
            { title: t('时间'), dataIndex: 'occurredAt', width: w(170), render: (value: string) => formatDateTime(value) },
            {
              title: t('操作人'),
              dataIndex: 'actorName',
              width: w(120),
              ellipsis: false,
              render: (name: string | null, event) =>
                event.actorId ? (
                  <Tooltip title={t('只看此人的操作')}>
                    <Button
                      type="link"
                      size="small"
                      style={wrappingLinkStyle}
                      onClick={() => narrow({ actorId: event.actorId ?? undefined })}
                    >
                      {name ?? event.actorId.slice(0, 8)}
                    </Button>
                  </Tooltip>
                ) : (
                  <span style={wrappingTextStyle}>{name ?? '—'}</span>
                ),
            },
            {
              title: t('事件'),
              dataIndex: 'type',
              width: w(180),
              ellipsis: false,
              render: (type: string) => (
                <Tooltip title={type}>
                  <span style={wrappingTextStyle}>{t(eventTypeName(type))}</span>
                </Tooltip>
              ),
            },
            { title: t('摘要'), dataIndex: 'summary', ellipsis: true, render: (summary: string) => t(summary) },
            {
              title: t('结果'),
              dataIndex: 'result',
              width: w(80),
              render: (result: AuditEventSummary['result']) => (
                <Tag color={result === 'success' ? 'green' : 'red'}>{t(eventResultNames[result])}</Tag>
              ),
            },
            { title: t('IP 地址'), dataIndex: 'ip', width: w(130), render: (ip: string | null) => ip ?? '—' },
            {
              title: t('操作'),
              key: 'actions',
              fixed: 'right',
              width: w(80),
              render: (_value, event) => (
                <Button type="link" size="small" onClick={() => setDetailId(event.id)}>
                  {t('详情')}
                </Button>
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
      <PlatformLoginFailuresCard />
      <AuditEventDrawer
        eventId={detailId}
        onClose={() => setDetailId(null)}
        onFilterSubject={(subjectType, subjectId) => {
          setDetailId(null);
          narrow({ subjectType, subjectId });
        }}
      />
    </div>
  );
}
