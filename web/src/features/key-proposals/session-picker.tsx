/** A select of the committee's sessions (newest first, the current one marked), and the session to start from. */
import { Select } from 'antd';
import type { Session } from '../../../../contracts/orgs.ts';
import { useText } from '../../lib/i18n.tsx';

/** The label of a session: its term (unless the name says it), its name, and （本次） for the current one. */
export function sessionOptionLabel(session: Pick<Session, 'name' | 'termName' | 'isCurrent'>): string {
  const term = session.name.includes(session.termName) ? '' : `${session.termName} `;
  return `${term}${session.name}${session.isCurrent ? '（本次）' : ''}`;
}

/** The session a screen opens on: the current one, else the newest. */
export function defaultSessionId(sessions: readonly Session[] | undefined): string | undefined {
  if (!sessions?.length) return undefined;
  return (sessions.find((session) => session.isCurrent) ?? newestFirst(sessions)[0]).id;
}

/** The sessions, newest first. */
function newestFirst(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) => b.year - a.year || b.number - a.number);
}

/** The select; `allowAll` adds 全部会议 (the value undefined). */
export function SessionPicker(props: {
  sessions: Session[] | undefined;
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowAll?: boolean;
  loading?: boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  const t = useText();
  const options = [
    ...(props.allowAll ? [{ value: '', label: t('全部会议') }] : []),
    ...newestFirst(props.sessions ?? []).map((session) => ({ value: session.id, label: t(sessionOptionLabel(session)) })),
  ];
  return (
    <Select
      id={props.id}
      aria-label={t('会议')}
      loading={props.loading}
      value={props.value ?? (props.allowAll ? '' : undefined)}
      onChange={(value: string) => props.onChange?.(value || undefined)}
      options={options}
      placeholder={t('选择会议')}
      showSearch={{ optionFilterProp: 'label' }}
      style={props.style}
    />
  );
}
