import { describe, expect, it } from 'vitest';
import type { DutyDay } from '../../../../contracts/stations.ts';
import {
  convertDefaults,
  dayLabel,
  dutyByDate,
  monthLabel,
  monthOf,
  monthRange,
  shiftMonth,
  smsReachable,
  visitBody,
  weekdayName,
} from './station-rules.ts';

describe('months', () => {
  it('moves across years and knows month ends', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(monthRange({ year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-03-12')).toEqual({ year: 2026, month: 3 });
    expect(monthLabel({ year: 2026, month: 3 })).toBe('2026年3月');
  });
  it('names days', () => {
    expect(weekdayName('2026-03-12')).toBe('周四');
    expect(dayLabel('2026-03-08')).toBe('3月8日 周日');
  });
});

describe('duty days by date', () => {
  const day = (id: string, dutyDate: string) =>
    ({ id, dutyDate, station: { id: 's', name: '站' }, member: { id: id, name: id } }) as unknown as DutyDay;
  it('groups in date order', () => {
    const grouped = dutyByDate([day('b', '2026-03-12'), day('a', '2026-03-10'), day('c', '2026-03-12')]);
    expect([...grouped.keys()]).toEqual(['2026-03-10', '2026-03-12']);
    expect(grouped.get('2026-03-12')?.map((item) => item.id)).toEqual(['b', 'c']);
  });
});

describe('forms', () => {
  it('builds a visit body without blanks', () => {
    expect(
      visitBody({ visitDate: '2026-03-10', visitorName: ' 张三 ', visitorPhone: ' ', matter: ' 路灯坏了 ', memberIds: ['m1'] }),
    ).toEqual({
      visitDate: '2026-03-10',
      visitorName: '张三',
      visitorPhone: null,
      visitorCount: 1,
      matter: '路灯坏了',
      memberIds: ['m1'],
    });
    expect(
      visitBody({
        stationId: 's1',
        visitDate: '2026-03-10',
        visitorName: '李四',
        visitorPhone: '13900001111',
        visitorCount: 3,
        matter: '事',
      }),
    ).toMatchObject({ stationId: 's1', visitorPhone: '13900001111', visitorCount: 3, memberIds: [] });
  });
  it('proposes a title and place for a micro-suggestion', () => {
    const values = convertDefaults({ matter: '小区路灯坏了。晚上很黑。', station: { id: 's', name: '城关联络站' } });
    expect(values).toEqual({ title: '小区路灯坏了', place: '城关联络站', problem: '小区路灯坏了。晚上很黑。', suggestion: '' });
    expect(convertDefaults({ matter: '长'.repeat(60), station: { id: 's', name: '站' } }, '人民路 1 号').title).toHaveLength(41);
  });
  it('knows which masked numbers get an SMS', () => {
    expect(smsReachable('139****5678')).toBe(true);
    expect(smsReachable('057****4321')).toBe(false);
    expect(smsReachable(null)).toBe(false);
  });
});
