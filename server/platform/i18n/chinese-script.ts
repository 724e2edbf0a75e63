import * as OpenCC from 'opencc-js';

const toTraditionalConverter = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplifiedConverter = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Simplified → Traditional (Taiwan standard), for messages to 繁體 users. */
export function toTraditional(text: string): string {
  return toTraditionalConverter(text);
}

/** Traditional → Simplified, for search folding (數據 → 数据). */
export function toSimplified(text: string): string {
  return toSimplifiedConverter(text);
}

/** The script a request asks for: `X-Locale` or Accept-Language zh-TW/zh-HK/zh-Hant means Traditional. */
export function wantsTraditional(headers: Record<string, string | string[] | undefined>): boolean {
  const explicit = headers['x-locale'];
  const value = String(explicit ?? headers['accept-language'] ?? '').toLowerCase();
  const first = value.split(',')[0]?.trim() ?? '';
  return /^zh-(tw|hk|mo|hant)/.test(first);
}
