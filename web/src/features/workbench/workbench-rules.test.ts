import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../contracts/roles.ts';
import type { WorkbenchCard, WorkbenchItem } from '../../../../contracts/workbench.ts';
import {
  dismissSecondFactorNotice,
  percentText,
  primaryActionFor,
  secondFactorNoticeDismissed,
  secondFactorNoticeKey,
  waitingItems,
} from './workbench-rules.ts';

const item = (link: string, tone: WorkbenchItem['tone']): WorkbenchItem => ({ id: link, title: link, link, note: null, tone });
const card = (key: string, items: WorkbenchItem[], display: WorkbenchCard['display'] = 'count'): WorkbenchCard => ({
  key,
  provider: 'p',
  label: key,
  count: items.length,
  link: null,
  tone: 'normal',
  hint: null,
  display,
  items,
  parts: [],
  figures: [],
});

describe('workbench page rules', () => {
  it.each<[Role[], string | null]>([
    [['member'], '写提案'],
    [['proposal_office'], '去审查'],
    [['unit_handler'], '去办理'],
    [['unit_leader'], '去签发'],
    [['unit_handler', 'unit_leader'], '去办理'],
    [['leader'], '查看统计'],
    [['supervisor'], '督办台账'],
    [['security_admin'], '用户与角色'],
    [['system_admin'], '委员管理'],
    [['auditor'], '审计日志'],
    [['member', 'proposal_office'], '写提案'],
    [['information_office'], null],
    [[], null],
  ])('the big button of %o is %s', (roles, label) => {
    expect(primaryActionFor(roles)?.label ?? null).toBe(label);
  });

  it('lists the waiting items of count cards, each link once, the most urgent first', () => {
    const cards = [
      card('办理中', [item('/handling/1', 'normal'), item('/handling/2', 'danger'), item('/handling/3', 'warning')]),
      card('逾期', [item('/handling/2', 'danger')]),
      card('后续报告', [item('/proposals/9#replies', 'danger')], 'items'),
      card('待送签', [item('/handling/4', 'warning')]),
    ];
    const listed = waitingItems(cards);
    expect(listed.map((entry) => [entry.link, entry.cardLabel])).toEqual([
      ['/handling/2', '办理中'],
      ['/handling/3', '办理中'],
      ['/handling/4', '待送签'],
      ['/handling/1', '办理中'],
    ]);
    expect(waitingItems(cards, 2)).toHaveLength(2);
    expect(waitingItems([])).toEqual([]);
  });

  it.each([
    [null, '—'],
    [0, '0.0%'],
    [0.8765, '87.7%'],
    [1, '100.0%'],
  ])('shows the rate %s as %s', (value, text) => {
    expect(percentText(value)).toBe(text);
  });

  it('remembers the dismissed second-factor notice per user', () => {
    const values = new Map<string, string>();
    const storage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => values.set(key, value),
    };
    expect(secondFactorNoticeDismissed(storage, 'u1')).toBe(false);
    dismissSecondFactorNotice(storage, 'u1');
    expect(values.get(secondFactorNoticeKey('u1'))).toBe('1');
    expect(secondFactorNoticeDismissed(storage, 'u1')).toBe(true);
    expect(secondFactorNoticeDismissed(storage, 'u2')).toBe(false);
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(secondFactorNoticeDismissed(broken, 'u1')).toBe(false);
    expect(() => dismissSecondFactorNotice(broken, 'u1')).not.toThrow();
    expect(secondFactorNoticeDismissed(undefined, 'u1')).toBe(false);
  });
});
