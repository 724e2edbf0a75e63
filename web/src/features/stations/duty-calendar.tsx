import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Spin, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import type { DutyDay } from '../../../../contracts/stations.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useFeedback, useIsPhone } from '../../pages/admin/shared/admin-ui.tsx';
import { monthWeeks, todayInChina } from '../orgs/calendar-grid.ts';
import { DutyDialog } from './duty-dialog.tsx';
import { dayLabel, dutyByDate, monthLabel, monthOf, monthRange, shiftMonth, type YearMonth } from './station-rules.ts';
import { type DutyFilter, useDutyDays } from './stations-api.ts';

const weekdayHeads = ['一', '二', '三', '四', '五', '六', '日'];

/** One duty day as a tag: the member (and the station when several are shown). */
function DutyTag(props: { duty: DutyDay; showStation: boolean; showMember: boolean; onClick?: () => void }) {
  const t = useT();
  const label = [props.showMember ? props.duty.member.name : null, props.showStation ? props.duty.station.name : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tag
      color="red"
      style={{ cursor: props.onClick ? 'pointer' : undefined, whiteSpace: 'normal', marginInlineEnd: 0 }}
      onClick={props.onClick}
      role={props.onClick ? 'button' : undefined}
      tabIndex={props.onClick ? 0 : undefined}
      onKeyDown={props.onClick ? (event) => event.key === 'Enter' && props.onClick?.() : undefined}
    >
      {t(label)}
    </Tag>
  );
}

/** The month as a grid, Monday first (a desktop); a day's number schedules on it, a duty day's tag edits it. */
function MonthGrid(props: {
  month: YearMonth;
  byDate: Map<string, DutyDay[]>;
  showStation: boolean;
  showMember: boolean;
  onDay?: (date: string) => void;
  onDuty?: (duty: DutyDay) => void;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const today = todayInChina();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}>
      {weekdayHeads.map((head) => (
        <div key={head} style={{ textAlign: 'center', color: token.colorTextSecondary, padding: 4 }}>
          {t(`周${head}`)}
        </div>
      ))}
      {monthWeeks(props.month.year, props.month.month)
        .flat()
        .map((date, index) =>
          date ? (
            <div
              key={date}
              style={{
                minHeight: 96,
                border: `1px solid ${date === today ? token.colorPrimary : token.colorBorderSecondary}`,
                borderRadius: token.borderRadius,
                padding: 6,
                background: token.colorBgContainer,
              }}
            >
              {props.onDay ? (
                <Button
                  type="text"
                  size="small"
                  aria-label={`${date} ${t('安排接待日')}`}
                  title={t('安排接待日')}
                  onClick={() => props.onDay?.(date)}
                  style={{ fontWeight: date === today ? 600 : undefined, paddingInline: 4, marginBottom: 4 }}
                >
                  {Number(date.slice(8))} <PlusOutlined style={{ fontSize: '0.8em', opacity: 0.5 }} />
                </Button>
              ) : (
                <div style={{ fontWeight: date === today ? 600 : undefined, marginBottom: 4 }}>{Number(date.slice(8))}</div>
              )}
              <Flex vertical gap={4}>
                {(props.byDate.get(date) ?? []).map((duty) => (
                  <DutyTag
                    key={duty.id}
                    duty={duty}
                    showStation={props.showStation}
                    showMember={props.showMember}
                    onClick={props.onDuty ? () => props.onDuty?.(duty) : undefined}
                  />
                ))}
              </Flex>
            </div>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the blank cells before and after the month have no other identity
            <div key={`blank-${index}`} />
          ),
        )}
    </div>
  );
}

/** The month as a list of days with duty (a phone). */
function MonthList(props: {
  byDate: Map<string, DutyDay[]>;
  showStation: boolean;
  showMember: boolean;
  onDuty?: (duty: DutyDay) => void;
}) {
  const t = useT();
  const today = todayInChina();
  if (props.byDate.size === 0) return <Empty description={t('本月暂无接待日')} />;
  return (
    <Flex vertical gap={12}>
      {[...props.byDate].map(([date, duties]) => (
        <Card key={date} size="small">
          <Flex vertical gap={8}>
            <Typography.Text strong type={date < today ? 'secondary' : undefined}>
              {t(dayLabel(date))}
              {date === today ? (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('今天')}
                </Tag>
              ) : null}
            </Typography.Text>
            {duties.map((duty) => (
              <Flex key={duty.id} justify="space-between" align="center" gap={8} style={{ minHeight: 32 }}>
                <Flex vertical>
                  <Typography.Text>
                    {props.showMember ? t(duty.member.name) : t(duty.station.name)}
                    {props.showMember && props.showStation ? ` · ${t(duty.station.name)}` : ''}
                  </Typography.Text>
                  {duty.note ? <Typography.Text type="secondary">{t(duty.note)}</Typography.Text> : null}
                </Flex>
                {props.onDuty ? <Button onClick={() => props.onDuty?.(duty)}>{t('调整')}</Button> : null}
              </Flex>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/**
 * 接待日 calendar: a month grid on a desktop, a list of days on a phone. With `canSchedule`, clicking a day
 * schedules and clicking a duty day edits it; `stationId` fixes the station (its staff), `memberId` shows one member's.
 */
export function DutyCalendar(props: {
  stationId?: string | null;
  memberId?: string | null;
  canSchedule: boolean;
  showStation: boolean;
  showMember: boolean;
}) {
  const t = useT();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const [month, setMonth] = useState<YearMonth>(() => monthOf(todayInChina()));
  const [view, setView] = useState<'month' | 'list'>('month');
  const [dialog, setDialog] = useState<{ duty: DutyDay | null; date: string | null } | null>(null);
  const filter: DutyFilter = {
    ...monthRange(month),
    ...(props.stationId ? { stationId: props.stationId } : {}),
    ...(props.memberId ? { memberId: props.memberId } : {}),
  };
  const duties = useDutyDays(filter);
  const byDate = dutyByDate(duties.data ?? []);
  const asList = phone || view === 'list';
  const edit = props.canSchedule ? (duty: DutyDay) => setDialog({ duty, date: null }) : undefined;

  return (
    <Flex vertical gap={12}>
      {feedback.holder}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={4}>
          <Button aria-label={t('上个月')} icon={<LeftOutlined />} onClick={() => setMonth(shiftMonth(month, -1))} />
          <Typography.Title level={4} style={{ margin: '0 8px', textAlign: 'center', whiteSpace: 'nowrap' }}>
            {t(monthLabel(month))}
          </Typography.Title>
          <Button aria-label={t('下个月')} icon={<RightOutlined />} onClick={() => setMonth(shiftMonth(month, 1))} />
          <Button onClick={() => setMonth(monthOf(todayInChina()))}>{t('本月')}</Button>
        </Flex>
        <Flex gap={8} wrap>
          {phone ? null : (
            <Segmented<'month' | 'list'>
              value={view}
              onChange={setView}
              options={[
                { value: 'month', label: t('月历') },
                { value: 'list', label: t('列表') },
              ]}
            />
          )}
          {props.canSchedule ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ duty: null, date: null })}>
              {t('安排接待日')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {duties.error ? <Typography.Text type="danger">{t('加载失败，请刷新重试')}</Typography.Text> : null}
      <Spin spinning={duties.isFetching}>
        {asList ? (
          <MonthList byDate={byDate} showStation={props.showStation} showMember={props.showMember} onDuty={edit} />
        ) : (
          <MonthGrid
            month={month}
            byDate={byDate}
            showStation={props.showStation}
            showMember={props.showMember}
            onDay={props.canSchedule ? (date) => setDialog({ duty: null, date }) : undefined}
            onDuty={edit}
          />
        )}
      </Spin>
      {props.canSchedule ? (
        <DutyDialog
          open={dialog !== null}
          duty={dialog?.duty ?? null}
          date={dialog?.date ?? null}
          stationId={props.stationId ?? null}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            feedback.ok(text);
          }}
        />
      ) : null}
    </Flex>
  );
}
