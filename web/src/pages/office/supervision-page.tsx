/**
 * 督办台账: every unit's assignment of the items being handled (proposals and micro-suggestions, each tagged by its
 * kind) with its red/yellow/green light, most urgent first as the server orders them; the counts by light as cards
 * that filter the list; 催办 in one click for the office and supervisors; "加载更多" page after page. Filters (类型,
 * 会议, 承办单位, 灯色) live in the URL; a session narrows the proposals only.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Form, Row, Select, Space, Spin, Table, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type HandledKind, handledKindNames, handledKinds } from '../../../../contracts/handled-kinds.ts';
import type { BoardItem, BoardPage, Light } from '../../../../contracts/supervision.ts';
import { KindTag } from '../../features/assignments/assignment-card.tsx';
import { useMe } from '../../features/auth/auth-api.ts';
import { useSessions } from '../../features/orgs/orgs-api.ts';
import { UnitSelect } from '../../features/people/unit-select.tsx';
import { proposalNumberText } from '../../features/proposals/proposal-labels.ts';
import { useUnitName } from '../../features/proposals/staff-list-api.ts';
import {
  boardLights,
  daysLeftLabel,
  lightColors,
  lightName,
  lightOfValue,
  lightShortNames,
} from '../../features/supervision/board-labels.ts';
import { LightTag } from '../../features/supervision/light-tag.tsx';
import { ReminderButton } from '../../features/supervision/reminder-button.tsx';
import { SessionSelect } from '../../features/supervision/session-select.tsx';
import { type BoardFilter, useBoard } from '../../features/supervision/supervision-api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import {
  PageTitle,
  tableCardStyle,
  useFeedback,
  useFilterFieldStyle,
  useIsPhone,
  useWidthScale,
} from '../admin/shared/admin-ui.tsx';

/** The value of the session select that means every session. */
const ALL = 'all';

/** The counts by light as four cards; a click filters the list by that light (again: every light). */
function LightCards(props: {
  counts: BoardPage['counts'] | undefined;
  light: Light | undefined;
  onPick: (light?: Light) => void;
}) {
  const t = useText();
  const { token } = theme.useToken();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {boardLights.map((light) => {
        const active = props.light === light;
        return (
          <Col key={light} xs={12} md={6}>
            <Card
              size="small"
              hoverable
              role="button"
              tabIndex={0}
              aria-pressed={active}
              aria-label={`${t(lightName(light))} ${props.counts?.[light] ?? 0}`}
              onClick={() => props.onPick(active ? undefined : light)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  props.onPick(active ? undefined : light);
                }
              }}
              style={{
                borderColor: active ? lightColors[light].dot : undefined,
                boxShadow: active ? `0 0 0 2px ${lightColors[light].dot}33` : undefined,
                borderTop: `4px solid ${lightColors[light].dot}`,
              }}
            >
              <Flex justify="space-between" align="baseline" gap={8} wrap>
                <Typography.Text type="secondary">
                  {t(lightShortNames[light])}
                  {light === 'done' ? '' : ` · ${t(lightName(light))}`}
                </Typography.Text>
                <Typography.Text strong style={{ fontSize: token.fontSizeHeading3, color: lightColors[light].dot }}>
                  {props.counts ? props.counts[light] : '—'}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                {props.counts ? `${t('共')} ${props.counts.total} ${t('件交办件')}` : ' '}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** The item link of a row: its number and title, to its own page (a proposal's, a micro-suggestion's). */
function ItemLink({ item }: { item: BoardItem }) {
  const t = useText();
  const number = item.itemNumber
    ? item.kind === 'proposal'
      ? `${t(proposalNumberText(item.itemNumber))} `
      : `${item.itemNumber} `
    : '';
  return (
    <Link to={item.link}>
      {number}
      {t(item.itemTitle)}
    </Link>
  );
}

/** The kind of an item (提案, 微建议) as a choice of the filter. */
function kindOfValue(value: string | null): HandledKind | undefined {
  return handledKinds.find((kind) => kind === value);
}

/** "已逾期 3 天" in red, "还剩 2 天" in the yellow's colour, plain otherwise. */
function DaysLeft({ item }: { item: BoardItem }) {
  const t = useText();
  const type = item.light === 'red' ? 'danger' : item.light === 'yellow' ? 'warning' : 'secondary';
  return <Typography.Text type={type}>{t(daysLeftLabel(item.light, item.daysLeft))}</Typography.Text>;
}

/** "2 次，最近 2026年5月3日 10:00" or "未催办". */
function RemindersText({ item }: { item: BoardItem }) {
  const t = useText();
  if (item.reminderCount === 0) return <Typography.Text type="secondary">{t('未催办')}</Typography.Text>;
  return (
    <span>
      {item.reminderCount} {t('次')}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
        {t('最近')} {formatDateTime(item.lastReminderAt)}
      </Typography.Text>
    </span>
  );
}

/** The board rows as cards, for a phone. */
function BoardCards(props: { rows: BoardItem[]; canRemind: boolean; renderRemind: (item: BoardItem) => React.ReactNode }) {
  const t = useText();
  return (
    <Flex vertical gap={12}>
      {props.rows.map((item) => (
        <Card key={item.assignmentId} size="small" style={{ borderInlineStart: `4px solid ${lightColors[item.light].dot}` }}>
          <Flex vertical gap={6}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <span style={{ fontWeight: 600 }}>
                <KindTag kind={item.kind} name={item.kindName} />
                <ItemLink item={item} />
              </span>
              <LightTag light={item.light} />
            </Flex>
            <Typography.Text>
              {t(item.unitName)}
              <Typography.Text type="secondary">（{t(item.roleName)}）</Typography.Text>
            </Typography.Text>
            <Typography.Text>
              {t('答复期限')} {formatDate(item.dueOn)} · <DaysLeft item={item} />
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
              {t('催办')}{' '}
              {item.reminderCount === 0
                ? t('未催办')
                : `${item.reminderCount} ${t('次')}，${t('最近')} ${formatDateTime(item.lastReminderAt)}`}
            </Typography.Text>
            {props.canRemind ? <div>{props.renderRemind(item)}</div> : null}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** The 督办台账 screen. */
export function SupervisionPage() {
  const t = useText();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const fieldStyle = useFilterFieldStyle(150);
  const wideStyle = useFilterFieldStyle(230);
  const { data: me } = useMe();
  const canRemind = Boolean(me?.roles.some((role) => role === 'proposal_office' || role === 'supervisor'));
  const [search, setSearch] = useSearchParams();
  const sessions = useSessions();
  const currentSessionId = sessions.data?.find((session) => session.isCurrent)?.id;

  // No session in the URL means the current one; "all" means every session.
  const sessionParam = search.get('sessionId') ?? undefined;
  const sessionId = sessionParam === ALL ? undefined : (sessionParam ?? currentSessionId);
  const unitId = search.get('unitId') ?? undefined;
  const light = lightOfValue(search.get('light'));
  const kind = kindOfValue(search.get('kind'));
  const filter = useMemo<BoardFilter>(() => ({ sessionId, unitId, light, kind }), [sessionId, unitId, light, kind]);
  const board = useBoard(filter, !sessions.isPending);
  const unit = useUnitName(unitId);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  const pages = board.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.items);
  const counts = pages[0]?.counts;
  const today = pages[0]?.today;
  const emptyText = board.error ? t('加载失败，请刷新重试') : t('没有符合条件的交办件');
  const renderRemind = (item: BoardItem) => (
    <ReminderButton
      item={item}
      size={phone ? 'middle' : 'small'}
      onSent={(sent) => feedback.ok(`${t('已催办')}${t(sent.unitName)}`)}
      onFailed={feedback.fail}
    />
  );

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="督办台账"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void board.refetch()} loading={board.isRefetching}>
            {t('刷新')}
          </Button>
        }
      />
      <LightCards counts={counts} light={light} onPick={(picked) => setParam('light', picked)} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout={phone ? 'vertical' : 'inline'} style={{ rowGap: 12 }}>
          <Form.Item label={t('类型')} htmlFor="board-kind">
            <Select
              id="board-kind"
              allowClear
              placeholder={t('全部')}
              value={kind}
              onChange={(value: HandledKind | undefined) => setParam('kind', value)}
              options={handledKinds.map((value) => ({ value, label: t(handledKindNames[value]) }))}
              style={fieldStyle}
            />
          </Form.Item>
          {kind === 'micro_suggestion' ? null : (
            <Form.Item
              label={t('会议')}
              htmlFor="board-session"
              tooltip={kind === 'proposal' ? undefined : t('会议只筛选提案；微建议不分会议')}
            >
              <SessionSelect
                id="board-session"
                sessions={sessions.data ?? []}
                loading={sessions.isPending}
                allowAll
                value={sessionParam === ALL ? '' : sessionId}
                onChange={(value) => setParam('sessionId', value ?? ALL)}
                style={wideStyle}
              />
            </Form.Item>
          )}
          <Form.Item label={t('承办单位')} htmlFor="board-unit">
            <UnitSelect
              id="board-unit"
              value={unitId ?? null}
              current={unit.data ?? null}
              placeholder="全部"
              onChange={(value) => setParam('unitId', value ?? undefined)}
              style={wideStyle}
            />
          </Form.Item>
          <Form.Item label={t('灯色')} htmlFor="board-light">
            <Select
              id="board-light"
              allowClear
              placeholder={t('全部')}
              value={light}
              onChange={(value: Light | undefined) => setParam('light', value)}
              options={boardLights.map((item) => ({ value: item, label: t(lightName(item)) }))}
              style={fieldStyle}
            />
          </Form.Item>
          {today ? (
            <Form.Item>
              <Typography.Text type="secondary">
                {t('统计日')} {formatDate(today)}
              </Typography.Text>
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          board.isPending && rows.length === 0 ? (
            <Spin style={{ display: 'block', margin: '32px auto' }} />
          ) : rows.length === 0 ? (
            <Empty description={emptyText} />
          ) : (
            <BoardCards rows={rows} canRemind={canRemind} renderRemind={renderRemind} />
          )
        ) : (
          <Table<BoardItem>
            rowKey="assignmentId"
            size="middle"
            loading={board.isPending || (board.isFetching && !board.isFetchingNextPage)}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(1270) }}
            locale={{ emptyText }}
            columns={[
              { title: t('灯色'), key: 'light', width: w(96), render: (_value, item) => <LightTag light={item.light} /> },
              {
                title: t('类型'),
                key: 'kind',
                width: w(88),
                render: (_value, item) => <KindTag kind={item.kind} name={item.kindName} />,
              },
              { title: t('事项'), key: 'item', width: w(300), render: (_value, item) => <ItemLink item={item} /> },
              {
                title: t('承办单位'),
                key: 'unit',
                width: w(190),
                render: (_value, item) => (
                  <>
                    {t(item.unitName)}
                    <Typography.Text type="secondary">（{t(item.roleName)}）</Typography.Text>
                  </>
                ),
              },
              { title: t('答复期限'), key: 'dueOn', width: w(130), render: (_value, item) => formatDate(item.dueOn) },
              { title: t('剩余/逾期'), key: 'daysLeft', width: w(110), render: (_value, item) => <DaysLeft item={item} /> },
              { title: t('催办'), key: 'reminders', width: w(190), render: (_value, item) => <RemindersText item={item} /> },
              ...(canRemind
                ? [
                    {
                      title: t('操作'),
                      key: 'actions',
                      fixed: 'right' as const,
                      width: w(100),
                      render: (_value: unknown, item: BoardItem) => renderRemind(item),
                    },
                  ]
                : []),
            ]}
          />
        )}
        <Flex justify="center" align="center" gap={12} wrap style={{ marginTop: 16 }}>
          {rows.length > 0 ? (
            <Typography.Text type="secondary">
              {t('已显示')} {rows.length} {t('条')}
              {counts ? ` / ${t('共')} ${light ? counts[light] : counts.total} ${t('条')}` : ''}
            </Typography.Text>
          ) : null}
          {board.hasNextPage ? (
            <Space>
              <Button onClick={() => void board.fetchNextPage()} loading={board.isFetchingNextPage}>
                {t('加载更多')}
              </Button>
            </Space>
          ) : null}
        </Flex>
      </Card>
    </div>
  );
}
