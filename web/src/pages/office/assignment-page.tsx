import { CheckCircleTwoTone, CloseOutlined, SendOutlined, WarningTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, Popconfirm, Row, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AssignmentPlan, ProposalSummary } from '../../../../contracts/proposals.ts';
import { emptyPlan, isPlanValid, planForServer } from '../../features/assignments/assignment-plan.ts';
import { useCreateBatch } from '../../features/assignments/assignments-api.ts';
import { BatchList } from '../../features/assignments/batch-list.tsx';
import { PlanEditor } from '../../features/assignments/plan-editor.tsx';
import { DictionarySelect } from '../../features/orgs/dictionary-select.tsx';
import { useDictionary, useSessions } from '../../features/orgs/orgs-api.ts';
import { useProposalsInState } from '../../features/review/review-api.ts';
import { newIdempotencyKey } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { errorMessage } from '../admin/shared/admin-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import {
  CursorPager,
  PageTitle,
  tableCardStyle,
  useFeedback,
  useFilterFieldStyle,
  useWidthScale,
} from '../admin/shared/admin-ui.tsx';
import { currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';
import { FilterBar } from '../admin/shared/filter-bar.tsx';

/** A selected proposal and the plan being edited for it. */
type PlanEntry = { row: ProposalSummary; plan: AssignmentPlan; filled: boolean };

/** The plan card of one selected proposal. */
function PlanCard(props: {
  entry: PlanEntry;
  onChange: (id: string, plan: AssignmentPlan) => void;
  onRemove: (id: string) => void;
}) {
  const t = useT();
  const { entry, onChange } = props;
  const id = entry.row.id;
  const change = useCallback((plan: AssignmentPlan) => onChange(id, plan), [id, onChange]);
  const valid = isPlanValid(entry.plan);
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Flex gap={8} align="center" style={{ minWidth: 0 }}>
          {valid ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <WarningTwoTone twoToneColor="#faad14" />}
          <Typography.Text strong ellipsis={{ tooltip: entry.row.title }} style={{ minWidth: 0 }}>
            {entry.row.number ? `${t('第')}${entry.row.number}${t('号')} ` : ''}
            {t(entry.row.title)}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('移出')} onClick={() => props.onRemove(id)} />
      }
    >
      <PlanEditor proposalId={id} value={entry.plan} filled={entry.filled} onChange={change} />
    </Card>
  );
}

/** 交办: filed proposals, a plan per selected proposal, one batch confirmation, and the batches with their notices. */
export function AssignmentPage() {
  const t = useT();
  const w = useWidthScale();
  const feedback = useFeedback();
  const keywordStyle = useFilterFieldStyle(220);
  const fieldStyle = useFilterFieldStyle();
  const [filterForm] = Form.useForm<{ q?: string; categoryId?: string }>();
  const [filter, setFilter] = useState<{ q?: string; categoryId?: string }>({});
  const [pages, setPages] = useState(firstPage(20));
  const { data, isFetching, error } = useProposalsInState('filed', filter, currentCursor(pages), pages.pageSize);
  const categories = useDictionary('proposal_category');
  const categoryNames = useMemo(() => new Map((categories.data ?? []).map((entry) => [entry.id, entry.name])), [categories.data]);
  const sessions = useSessions();
  const current = sessions.data?.find((session) => session.isCurrent);
  const [entries, setEntries] = useState<Map<string, PlanEntry>>(new Map());
  const [batchForm] = Form.useForm<{ title: string; documentNumber?: string }>();
  const create = useCreateBatch();
  const [failure, setFailure] = useState<string | null>(null);
  const idempotencyKey = useRef<string | null>(null);

  // A changed selection or plan is a different submission: it gets a new key.
  useEffect(() => {
    void entries;
    idempotencyKey.current = null;
  }, [entries]);

  useEffect(() => {
    if (current && !batchForm.getFieldValue('title')) batchForm.setFieldsValue({ title: `${current.name}提案交办` });
  }, [current, batchForm]);

  const changePlan = useCallback((id: string, plan: AssignmentPlan) => {
    setEntries((map) => {
      const entry = map.get(id);
      if (!entry) return map;
      const next = new Map(map);
      next.set(id, { ...entry, plan, filled: true });
      return next;
    });
  }, []);
  const remove = useCallback((id: string) => {
    setEntries((map) => {
      const next = new Map(map);
      next.delete(id);
      return next;
    });
  }, []);

  const rows = data?.items ?? [];
  const list = [...entries.values()];
  const invalid = list.filter((entry) => !isPlanValid(entry.plan)).length;

  const confirm = async () => {
    const values = await batchForm.validateFields();
    setFailure(null);
    idempotencyKey.current ??= newIdempotencyKey();
    try {
      const batch = await create.mutateAsync({
        idempotencyKey: idempotencyKey.current,
        body: {
          title: values.title.trim(),
          documentNumber: values.documentNumber?.trim() || undefined,
          items: list.map((entry) => ({ id: entry.row.id, version: entry.row.version, plan: planForServer(entry.plan) })),
        },
      });
      feedback.ok(`已交办 ${batch.proposalCount} 件提案，涉及 ${batch.units.length} 个承办单位`);
      setEntries(new Map());
      batchForm.setFieldsValue({ documentNumber: undefined });
    } catch (failed) {
      setFailure(errorMessage(failed));
    }
  };

  return (
    <div>
      {feedback.holder}
      <PageTitle title="交办" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <FilterBar
            form={filterForm}
            onSearch={(values) => {
              setFilter(Object.fromEntries(Object.entries(values).filter(([, value]) => value)));
              setPages(firstPage(pages.pageSize));
            }}
            more={
              <Form.Item name="categoryId" label={t('类别')}>
                <DictionarySelect kind="proposal_category" style={fieldStyle} placeholder="全部" />
              </Form.Item>
            }
          >
            <Form.Item name="q" label={t('关键词')}>
              <Input allowClear placeholder={t('案由、关键词或提案人')} style={keywordStyle} maxLength={100} />
            </Form.Item>
          </FilterBar>
          <Card size="small" title={t('已立案待交办')} style={tableCardStyle}>
            <Table<ProposalSummary>
              rowKey="id"
              size="middle"
              loading={isFetching}
              dataSource={rows}
              pagination={false}
              scroll={{ x: w(640) }}
              locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('没有待交办的提案') }}
              rowSelection={{
                selectedRowKeys: [...entries.keys()],
                preserveSelectedRowKeys: true,
                onChange: (_keys, chosen) => {
                  const chosenIds = new Set(chosen.filter(Boolean).map((row) => row.id));
                  setEntries((map) => {
                    const next = new Map(map);
                    for (const row of rows) if (!chosenIds.has(row.id)) next.delete(row.id);
                    for (const row of chosen) {
                      if (row && !next.has(row.id)) next.set(row.id, { row, plan: emptyPlan(), filled: false });
                    }
                    return next;
                  });
                },
              }}
              columns={[
                {
                  title: t('提案号'),
                  dataIndex: 'number',
                  width: w(80),
                  render: (number: string | null) => number ?? '—',
                },
                {
                  title: t('案由'),
                  dataIndex: 'title',
                  width: w(280),
                  render: (title: string, row) => <Link to={`/proposals/${row.id}`}>{t(title)}</Link>,
                },
                { title: t('提案人'), dataIndex: 'authorName', width: w(110), render: (name: string) => t(name) },
                {
                  title: t('类别'),
                  dataIndex: 'categoryId',
                  width: w(100),
                  render: (id: string | null) => (id ? t(categoryNames.get(id) ?? '—') : '—'),
                },
                {
                  title: t('立案日期'),
                  dataIndex: 'filedAt',
                  width: w(130),
                  render: (value: string | null) => formatDate(value),
                },
              ]}
            />
            <CursorPager
              pages={pages}
              rowsOnPage={rows.length}
              nextCursor={data?.nextCursor}
              total={data?.total}
              loading={isFetching}
              onChange={setPages}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`${t('交办方案')}${list.length ? `（${list.length} ${t('件')}）` : ''}`}>
            {list.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('在左侧勾选要交办的提案')} />
            ) : (
              <Flex vertical gap={12}>
                {list.map((entry) => (
                  <PlanCard key={entry.row.id} entry={entry} onChange={changePlan} onRemove={remove} />
                ))}
                <Form form={batchForm} layout="vertical">
                  <Row gutter={12}>
                    <Col xs={24} md={14}>
                      <Form.Item
                        name="title"
                        label={t('交办批次名称')}
                        rules={[{ required: true, whitespace: true, message: t('请填写交办批次名称') }]}
                      >
                        <Input maxLength={200} placeholder={t('例如：十届五次会议提案交办会')} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name="documentNumber" label={t('文号（可选）')}>
                        <Input maxLength={100} placeholder={t('例如：政协提〔2026〕3号')} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Form>
                {failure ? <Alert type="error" showIcon title={t(failure)} /> : null}
                {invalid > 0 ? (
                  <Alert type="warning" showIcon title={`${t('还有')} ${invalid} ${t('件提案的交办方案不完整')}`} />
                ) : null}
                <Popconfirm
                  title={t('确认交办？')}
                  description={`${t('将')} ${list.length} ${t('件提案交办给所选单位，交办后开始计算办理期限。')}`}
                  okText={t('确认交办')}
                  cancelText={t('取消')}
                  onConfirm={confirm}
                  disabled={invalid > 0}
                >
                  <Button
                    type="primary"
                    size="large"
                    icon={<SendOutlined />}
                    disabled={invalid > 0}
                    loading={create.isPending}
                    block
                  >
                    {t('确认交办')}（{list.length} {t('件')}）
                  </Button>
                </Popconfirm>
              </Flex>
            )}
          </Card>
          <Card size="small" title={t('交办批次与通知')} style={{ marginTop: 16 }}>
            <BatchList sessionId={current?.id} fail={feedback.fail} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
