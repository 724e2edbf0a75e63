/** The words and colours of the supervision board's lights (红黄绿灯), and its days-left text. */
import { type Light, lightNames, lights } from '../../../../contracts/supervision.ts';

/** The lights in the order the board shows them. */
export const boardLights: readonly Light[] = lights;

/** The colour of each light: antd tag presets and the dot's CSS colour. */
export const lightColors: Record<Light, { tag: string; dot: string }> = {
  red: { tag: 'error', dot: '#f5222d' },
  yellow: { tag: 'warning', dot: '#faad14' },
  green: { tag: 'success', dot: '#52c41a' },
  done: { tag: 'default', dot: '#8c8c8c' },
};

/** The short name of a light: 红 / 黄 / 绿 / 已答复. */
export const lightShortNames: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', done: '已答复' };

/** The full name of a light: 已逾期 / 临期 / 正常 / 已答复. */
export function lightName(light: Light): string {
  return lightNames[light];
}

/** "还剩 5 天" / "今天到期" / "已逾期 3 天"; a replied item says nothing about its days ("—"). */
export function daysLeftLabel(light: Light, daysLeft: number): string {
  if (light === 'done') return '—';
  if (daysLeft > 0) return `还剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `已逾期 ${-daysLeft} 天`;
}

/** Whether a unit can still be chased (催办): not replied yet. */
export function canChase(light: Light): boolean {
  return light !== 'done';
}

/** Reads a light from a URL value; undefined for anything else. */
export function lightOfValue(value: string | null | undefined): Light | undefined {
  return boardLights.includes(value as Light) ? (value as Light) : undefined;
}
