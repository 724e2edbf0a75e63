import { Card, theme } from 'antd';
import type { CSSProperties } from 'react';
import type { CalendarDay } from '../../../../contracts/orgs.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { type DayStatus, dayStatus, monthWeeks, weekdayIndex } from './calendar-grid.ts';

const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'];
const statusNames: Record<DayStatus, string> = { working: '工作日', weekend: '周末', holiday: '放假', makeup: '调休上班' };

/** The colours of each kind of day, from the theme (so the elder mode's high contrast applies). */
export function useDayColors(): Record<DayStatus, { background: string; color: string; border: string }> {
  const { token } = theme.useToken();
  return {
    working: { background: token.colorBgContainer, color: token.colorText, border: token.colorBorderSecondary },
    weekend: { background: token.colorFillTertiary, color: token.colorTextSecondary, border: token.colorBorderSecondary },
    holiday: { background: token.colorErrorBg, color: token.colorError, border: token.colorErrorBorder },
    makeup: { background: token.colorInfoBg, color: token.colorPrimary, border: token.colorInfoBorder },
  };
}

/** One month as a Monday-first grid; each day is a button that opens the day's editor. */
function MonthGrid(props: {
  year: number;
  month: number;
  special: ReadonlyMap<string, CalendarDay>;
  today: string;
  onPick: (date: string) => void;
}) {
  const t = useT();
  const colors = useDayColors();
  const { token } = theme.useToken();
  const cell: CSSProperties = { textAlign: 'center', fontSize: '0.9em', lineHeight: 1.2 };
  return (
    <Card size="small" title={`${props.month} ${t('月')}`} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 3 }}>
        {weekdayNames.map((name) => (
          <div key={name} style={{ ...cell, color: token.colorTextTertiary, paddingBottom: 2 }}>
            {t(name)}
          </div>
        ))}
        {monthWeeks(props.year, props.month)
          .flat()
          .filter((date): date is string => date !== null)
          .map((date) => {
            const status = dayStatus(date, props.special);
            const marked = props.special.get(date);
            const color = colors[status];
            const label = `${date} ${t(statusNames[status])}${marked?.name ? ` ${t(marked.name)}` : ''}`;
            return (
              <button
                key={date}
                type="button"
                title={label}
                aria-label={label}
                onClick={() => props.onPick(date)}
                style={{
                  ...cell,
                  gridColumnStart: date.endsWith('-01') ? weekdayIndex(props.year, props.month, 1) + 1 : undefined,
                  minHeight: '2.4em',
                  padding: '2px 0',
                  cursor: 'pointer',
                  borderRadius: 4,
                  background: color.background,
                  color: color.color,
                  border: `1px solid ${date === props.today ? token.colorPrimary : status === 'holiday' || status === 'makeup' ? color.border : 'transparent'}`,
                  fontWeight: status === 'holiday' || status === 'makeup' ? 600 : 400,
                }}
              >
                {Number(date.slice(8))}
                {status === 'holiday' || status === 'makeup' ? (
                  <span style={{ display: 'block', fontSize: '0.75em' }}>{status === 'holiday' ? t('休') : t('班')}</span>
                ) : null}
              </button>
            );
          })}
      </div>
    </Card>
  );
}

/** A whole year, twelve months in a grid that folds to fewer columns on narrow screens. */
export function YearCalendar(props: {
  year: number;
  special: ReadonlyMap<string, CalendarDay>;
  today: string;
  onPick: (date: string) => void;
}) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))', gap: 12 }}>
      {months.map((month) => (
        <MonthGrid
          key={month}
          year={props.year}
          month={month}
          special={props.special}
          today={props.today}
          onPick={props.onPick}
        />
      ))}
    </div>
  );
}

/** The colour key under the calendar. */
export function DayLegend() {
  const t = useT();
  const colors = useDayColors();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }}>
      {(['working', 'weekend', 'holiday', 'makeup'] as const).map((status) => (
        <span key={status} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span
            style={{
              display: 'inline-block',
              width: '1.2em',
              height: '1.2em',
              borderRadius: 3,
              background: colors[status].background,
              border: `1px solid ${colors[status].border}`,
            }}
          />
          {t(statusNames[status])}
        </span>
      ))}
    </div>
  );
}
