import { Typography } from 'antd';
import { useText } from '../../lib/i18n.tsx';
import { bodyCounter } from './body-counter.ts';

/** "正文 812 / 1500 字" under the editor, red with how much is over when the body is too long. */
export function BodyCounterLine(props: { background?: string; suggestions?: string; max: number }) {
  const t = useText();
  const counter = bodyCounter({ background: props.background, suggestions: props.suggestions }, props.max);
  return (
    <Typography.Text type={counter.over ? 'danger' : 'secondary'} strong={counter.over} aria-live="polite">
      {t('正文（情况分析＋建议）')} {counter.count} / {counter.max} {t('字')}
      {counter.over ? `，${t('超出')} ${-counter.remaining} ${t('字')}` : ''}
    </Typography.Text>
  );
}
