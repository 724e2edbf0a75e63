import { Tag } from 'antd';
import { useText } from '../../lib/i18n.tsx';
import { proposalStateColor, proposalStateNames } from './proposal-labels.ts';

/** The coloured tag of a proposal's state. */
export function ProposalStateTag({ state, name }: { state: string; name?: string }) {
  const t = useText();
  const label = name ?? proposalStateNames[state as keyof typeof proposalStateNames] ?? state;
  return (
    <Tag color={proposalStateColor(state)} style={{ marginInlineEnd: 0 }}>
      {t(label)}
    </Tag>
  );
}
