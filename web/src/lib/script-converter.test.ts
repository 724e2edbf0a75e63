import { describe, expect, it } from 'vitest';
import { cachedTraditionalConverter, loadTraditionalConverter } from './script-converter.ts';

describe('Simplified → Traditional', () => {
  it('converts interface text to Taiwan Traditional and keeps the rest', async () => {
    const convert = await loadTraditionalConverter();
    expect(convert('委员管理')).toBe('委員管理');
    expect(convert('长时间未操作，已自动退出')).toBe('長時間未操作，已自動退出');
    expect(convert('数字政协 2026')).toBe('數字政協 2026');
    expect(convert('')).toBe('');
  });

  it('is idempotent, so text converted twice stays the same', async () => {
    const convert = await loadTraditionalConverter();
    const once = convert('提案办理与委员履职');
    expect(convert(once)).toBe(once);
  });

  it('loads once and caches the converter', async () => {
    const first = await loadTraditionalConverter();
    expect(await loadTraditionalConverter()).toBe(first);
    expect(cachedTraditionalConverter()).toBe(first);
  });
});
