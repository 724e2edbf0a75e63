/**
 * The antd theme: the standard look, and the elder-friendly one (适老化): larger type on a chosen scale, controls
 * at least 44px high, darker text and borders for contrast.
 */
import type { ThemeConfig } from 'antd';

/** Base font sizes the elder-friendly mode offers, in px. */
export const elderFontSizes = [18, 20, 22, 24] as const;
export type ElderFontSize = (typeof elderFontSizes)[number];

/** The product's primary colour: a deep government blue that keeps 4.5:1 contrast on white. */
export const PRIMARY_COLOR = '#1d4ea1';
/** The red of the header's emblem band. */
export const BRAND_RED = '#b3181f';

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

/** The standard theme. */
export function standardTheme(): ThemeConfig {
  return {
    token: { colorPrimary: PRIMARY_COLOR, colorLink: PRIMARY_COLOR, borderRadius: 6, fontFamily, fontSize: 14 },
    components: {
      Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f5f8', headerPadding: '0 16px' },
      Menu: { itemBorderRadius: 6 },
    },
  };
}

/** The elder-friendly theme at a base font size (18–24px). */
export function elderTheme(fontSize: ElderFontSize): ThemeConfig {
  const controlHeight = Math.max(44, Math.round(fontSize * 2.4));
  return {
    token: {
      colorPrimary: '#0b3b8c',
      colorLink: '#0b3b8c',
      colorText: '#000000',
      colorTextSecondary: '#1f1f1f',
      colorTextTertiary: '#333333',
      colorTextDescription: '#262626',
      colorTextPlaceholder: '#595959',
      colorBorder: '#5c5c5c',
      colorBorderSecondary: '#8c8c8c',
      colorError: '#b00020',
      colorSuccess: '#1b6e20',
      colorWarning: '#8a5300',
      colorWarningBg: '#fff3cd',
      colorWarningBorder: '#c99a2e',
      colorErrorBg: '#fdeaec',
      colorErrorBorder: '#d9747f',
      colorSuccessBg: '#e7f4e8',
      colorSuccessBorder: '#6fae73',
      colorInfoBg: '#e6efff',
      colorInfoBorder: '#7d9fd6',
      borderRadius: 8,
      fontFamily,
      fontSize,
      lineHeight: 1.6,
      controlHeight,
      controlHeightLG: controlHeight + 8,
      controlHeightSM: Math.max(36, controlHeight - 12),
      sizeStep: 5,
      lineWidthFocus: 3,
    },
    components: {
      Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#eef0f3', headerPadding: '0 16px' },
      Menu: { itemHeight: controlHeight + 8, itemBorderRadius: 8, iconSize: fontSize, itemMarginBlock: 6 },
      Table: { cellPaddingBlock: 14 },
      Button: { fontWeight: 600, contentFontSize: fontSize },
      Tabs: { titleFontSize: fontSize },
    },
  };
}
