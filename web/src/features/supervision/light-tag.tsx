/** The coloured light of a board row: a dot and the light's name. */
import { Tag } from 'antd';
import type { Light } from '../../../../contracts/supervision.ts';
import { useText } from '../../lib/i18n.tsx';
import { lightColors, lightName } from './board-labels.ts';

/** A tag with the light's colour and name (已逾期 / 临期 / 正常 / 已答复). */
export function LightTag({ light }: { light: Light }) {
  const t = useText();
  return (
    <Tag color={lightColors[light].tag} style={{ marginInlineEnd: 0 }}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: '0.7em',
          height: '0.7em',
          borderRadius: '50%',
          background: lightColors[light].dot,
          marginInlineEnd: 4,
          verticalAlign: 'baseline',
        }}
      />
      {t(lightName(light))}
    </Tag>
  );
}
