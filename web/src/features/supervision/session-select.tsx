/** A select of the committee's sessions, labelled as the proposal list labels them (届次 会议（本次）). */
import { Select } from 'antd';
import type { Session } from '../../../../contracts/orgs.ts';
import { useText } from '../../lib/i18n.tsx';

/** The label of a session: its term (unless the name already says it), its name, and （本次） for the current one. */
export function sessionLabel(session: Session): string {
  const term = session.name.includes(session.termName) ? '' : `${session.termName} `;
  return `${term}${session.name}${session.isCurrent ? '（本次）' : ''}`;
}

/** The sessions, newest first; `allowAll` adds 全部会议 (the value ''). */
export function SessionSelect(props: {
  sessions: Session[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  allowAll?: boolean;
  loading?: boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  const t = useText();
  const sorted = [...props.sessions].sort((a, b) => b.year - a.year || b.number - a.number);
  const options = [
    ...(props.allowAll ? [{ value: '', label: t('全部会议') }] : []),
    ...sorted.map((session) => ({ value: session.id, label: t(sessionLabel(session)) })),
  ];
  return (
    <Select
      id={props.id}
      aria-label={t('会议')}
      loading={props.loading}
      value={props.value ?? (props.allowAll ? '' : undefined)}
      onChange={(value: string) => props.onChange(value || undefined)}
      options={options}
      placeholder={t('选择会议')}
      showSearch={{ optionFilterProp: 'label' }}
      style={props.style}
    />
  );
}
