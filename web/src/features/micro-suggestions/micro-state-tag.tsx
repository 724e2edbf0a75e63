import { Tag } from 'antd';
import { useText } from '../../lib/i18n.tsx';
import { microStateColor, microStateName } from './micro-labels.ts';

/** The coloured tag of a micro-suggestion's state. */
export function MicroStateTag({ state, name }: { state: string; name?: string | null }) {
  const t = useText();
  return (
    <Tag color={microStateColor(state)} style={{ marginInlineEnd: 0 }}>
      {t(microStateName(state, name))}
    </Tag>
  );
}
