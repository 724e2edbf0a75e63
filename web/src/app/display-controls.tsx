/** The display switches every screen offers: 简/繁, 长者模式 and its font size. */
import { Flex, Segmented, Switch, Typography } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { useElderMode } from './elder-mode.tsx';
import { type ElderFontSize, elderFontSizes } from './theme.ts';

/** The 简体 / 繁體 switch. Its labels stay as written so each option names itself. */
export function ScriptSwitch() {
  const { script, setScript } = useI18n();
  return (
    <span data-no-convert>
      <Segmented
        aria-label="简繁切换"
        value={script}
        onChange={(value) => setScript(value as 'simplified' | 'traditional')}
        options={[
          { label: '简体', value: 'simplified' },
          { label: '繁體', value: 'traditional' },
        ]}
      />
    </span>
  );
}

/** The 长者模式 switch, and the font size while it is on. */
export function ElderModeSwitch({ showScale = true }: { showScale?: boolean }) {
  const { enabled, fontSize, setEnabled, setFontSize } = useElderMode();
  return (
    <Flex align="center" gap={8} wrap>
      <Flex align="center" gap={6} component="label" className="elder-switch">
        <Switch checked={enabled} onChange={setEnabled} aria-label="长者模式" />
        <Typography.Text>长者模式</Typography.Text>
      </Flex>
      {enabled && showScale && (
        <Flex align="center" gap={6}>
          <Typography.Text>字号</Typography.Text>
          <Segmented
            aria-label="字号"
            value={fontSize}
            onChange={(value) => setFontSize(value as ElderFontSize)}
            options={elderFontSizes.map((size) => ({ label: `${size}`, value: size }))}
          />
        </Flex>
      )}
    </Flex>
  );
}
