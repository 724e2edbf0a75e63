/**
 * The workbench page's pure rules: which cards sit in the grid and which take the full width, the waiting items
 * worth listing first, the colours of the tones, and the remembered dismissal of the second-factor notice.
 */
import type { Role } from '../../../../contracts/roles.ts';
import type { WorkbenchCard, WorkbenchItem, WorkbenchTone } from '../../../../contracts/workbench.ts';

/** The text colour of a tone (4.5:1 on white): danger red, warning dark orange, normal the primary blue. */
export const toneColors: Record<WorkbenchTone, string> = { danger: '#c41d1d', warning: '#a64b00', normal: '#1d4ea1' };

/** The order of tones when listing items: the most urgent first. */
const toneRank: Record<WorkbenchTone, number> = { danger: 0, warning: 1, normal: 2 };

/** A waiting item with the label of the card it came from. */
export type ListedItem = WorkbenchItem & { cardLabel: string };

/**
 * The items worth listing under the grid: those of the count cards (a card that lists its own items shows them
 * itself), each link once, the most urgent first (keeping the cards' order among equals), at most `limit`.
 */
export function waitingItems(cards: readonly WorkbenchCard[], limit = 8): ListedItem[] {
  const seen = new Set<string>();
  const items: ListedItem[] = [];
  for (const card of cards) {
    if (card.display !== 'count') continue;
    for (const item of card.items) {
      if (seen.has(item.link)) continue;
      seen.add(item.link);
      items.push({ ...item, cardLabel: card.label });
    }
  }
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => toneRank[a.item.tone] - toneRank[b.item.tone] || a.index - b.index)
    .slice(0, limit)
    .map(({ item }) => item);
}

/** A rate as a percentage with one decimal ("87.5%"), or "—" when nothing was counted. */
export function percentText(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** The one big button of a role: its label, where it goes, and the roles it is for. */
export type PrimaryAction = { key: string; label: string; link: string; roles: readonly Role[] };

/**
 * The main job of each role, in order of precedence when an account holds several roles (a member who also works
 * in the office writes proposals first). Later modules add theirs here.
 */
export const primaryActions: readonly PrimaryAction[] = [
  { key: 'write', label: '写提案', link: '/proposals/new', roles: ['member'] },
  { key: 'review', label: '去审查', link: '/office/review', roles: ['proposal_office'] },
  { key: 'handle', label: '去办理', link: '/handling', roles: ['unit_handler'] },
  { key: 'sign', label: '去签发', link: '/handling', roles: ['unit_leader'] },
  { key: 'supervise', label: '督办台账', link: '/supervision', roles: ['supervisor'] },
  { key: 'statistics', label: '查看统计', link: '/statistics', roles: ['leader'] },
  { key: 'accounts', label: '用户与角色', link: '/admin/users', roles: ['security_admin'] },
  { key: 'members', label: '委员管理', link: '/admin/members', roles: ['system_admin'] },
  { key: 'audit', label: '审计日志', link: '/admin/audit', roles: ['auditor'] },
];

/** The big button of an account with these roles (the first action any of them has), or null. */
export function primaryActionFor(roles: readonly Role[]): PrimaryAction | null {
  return primaryActions.find((action) => action.roles.some((role) => roles.includes(role))) ?? null;
}

/** The localStorage key remembering that this user dismissed the second-factor suggestion. */
export function secondFactorNoticeKey(userId: string): string {
  return `cppcc.notice.second-factor.${userId}`;
}

/** Whether this user dismissed the second-factor suggestion in this browser (false when storage is unreadable). */
export function secondFactorNoticeDismissed(storage: Pick<Storage, 'getItem'> | undefined, userId: string): boolean {
  try {
    return storage?.getItem(secondFactorNoticeKey(userId)) === '1';
  } catch {
    return false;
  }
}

/** Remembers the dismissal (ignored when storage is full or blocked: the notice just shows again next time). */
export function dismissSecondFactorNotice(storage: Pick<Storage, 'setItem'> | undefined, userId: string): void {
  try {
    storage?.setItem(secondFactorNoticeKey(userId), '1');
  } catch {
    // nothing to do
  }
}
