import { LeftOutlined, RightOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { specialDaysByDate, todayInChina, yearSummary } from '../../features/orgs/calendar-grid.ts';
import { CalendarImportModal } from '../../features/orgs/calendar-import-modal.tsx';
import { DayEditModal } from '../../features/orgs/day-edit-modal.tsx';
import { DeadlineCalculator } from '../../features/orgs/deadline-calculator.tsx';
import { useCalendarYear } from '../../features/orgs/orgs-api.ts';
import { DayLegend, YearCalendar } from '../../features/orgs/year-calendar.tsx';
import { hasRole, useAdminMe } from './shared/admin-me.ts';
import { useT } from './shared/admin-text.ts';
import { PageTitle, useFeedback } from './shared/admin-ui.tsx';

/** 工作日历: a year of holidays and make-up workdays; click a day to set or clear it; CSV import; deadline helper. */
export function CalendarPage() {
  const t = useT();
  const feedback = useFeedback();
  const today = todayInChina();
  const { data: me } = useAdminMe();
  const canEdit = hasRole(me, 'system_admin', 'proposal_office');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const { data, isLoading, error } = useCalendarYear(year);
  const special = useMemo(() => specialDaysByDate(data ?? []), [data]);
  const summary = yearSummary(data ?? []);
  const [picked, setPicked] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="工作日历"
        extra={
          canEdit ? (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('导入 CSV')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Card size="small">
            <div
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                gap: 12,
                alignItems: 'center',
                justifyContent: 'space-between',
                marginBottom: 12,
              }}
            >
              <Space>
                <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('上一年')} />
                <Typography.Title level={4} style={{ margin: 0, minWidth: '4.5em', textAlign: 'center' }}>
                  {year} {t('年')}
                </Typography.Title>
                <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('下一年')} />
              </Space>
              <Typography.Text type="secondary">
                {t('放假')} {summary.holidays} {t('天')}，{t('调休上班')} {summary.makeupWorkdays} {t('天')}
              </Typography.Text>
              <DayLegend />
            </div>
            <Typography.Paragraph type="secondary">
              {canEdit
                ? t('未标注的日子按周一至周五上班、周末休息计算。点击某一天可设为放假、调休上班或恢复默认。')
                : t('未标注的日子按周一至周五上班、周末休息计算。')}
            </Typography.Paragraph>
            {error ? (
              <Typography.Text type="danger">{t('加载失败，请刷新重试')}</Typography.Text>
            ) : isLoading ? (
              <Spin />
            ) : (
              <YearCalendar year={year} special={special} today={today} onPick={setPicked} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <DeadlineCalculator today={today} />
        </Col>
      </Row>
      <DayEditModal
        date={picked}
        special={special}
        canEdit={canEdit}
        onClose={() => setPicked(null)}
        ok={feedback.ok}
        fail={feedback.fail}
      />
      <CalendarImportModal open={importing} onClose={() => setImporting(false)} ok={feedback.ok} />
    </div>
  );
}
