/**
 * Simplified and Traditional Chinese. The interface is written in Simplified (简体, the default); with 繁體 on,
 * text is converted with OpenCC (cn → tw), antd and dayjs switch to zh_TW, the server is asked for Traditional
 * messages (X-Locale), and text no screen wrapped (server data, antd's own strings) is converted in the page.
 * The choice is kept in localStorage.
 */
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLocale } from './api.ts';
import { startDomConversion } from './dom-script-converter.ts';
import { cachedTraditionalConverter, loadTraditionalConverter } from './script-converter.ts';

/** The script the interface is shown in. */
export type Script = 'simplified' | 'traditional';

/** The localStorage key of the chosen script. */
export const SCRIPT_STORAGE_KEY = 'cppcc.script';

type Convert = (text: string) => string;

/** What the i18n context offers. */
export type I18nValue = {
  script: Script;
  /** 'zh-CN' or 'zh-TW', for lang attributes and the server. */
  locale: 'zh-CN' | 'zh-TW';
  setScript: (script: Script) => void;
  /** Converts Simplified text to the chosen script. */
  t: Convert;
};

const identity: Convert = (text) => text;
const I18nContext = createContext<I18nValue>({ script: 'simplified', locale: 'zh-CN', setScript: () => {}, t: identity });

/** The script saved in this browser, Simplified when none. */
export function storedScript(): Script {
  try {
    return localStorage.getItem(SCRIPT_STORAGE_KEY) === 'traditional' ? 'traditional' : 'simplified';
  } catch {
    return 'simplified';
  }
}

/** Provides the script, its converter, and antd's matching locale to everything inside. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [script, setScriptState] = useState<Script>(storedScript);
  const [converter, setConverter] = useState<Convert | null>(() => cachedTraditionalConverter());
  const traditional = script === 'traditional';
  const locale = traditional ? 'zh-TW' : 'zh-CN';

  useEffect(() => {
    if (traditional && !converter) {
      let cancelled = false;
      loadTraditionalConverter().then((convert) => {
        if (!cancelled) setConverter(() => convert);
      });
      return () => {
        cancelled = true;
      };
    }
  }, [traditional, converter]);

  useEffect(() => {
    setApiLocale(locale);
    document.documentElement.lang = locale;
    dayjs.locale(traditional ? 'zh-tw' : 'zh-cn');
  }, [locale, traditional]);

  useEffect(() => {
    if (!traditional || !converter) return;
    const conversion = startDomConversion(document.body, converter);
    return () => conversion.stop();
  }, [traditional, converter]);

  const setScript = useCallback((next: Script) => {
    try {
      localStorage.setItem(SCRIPT_STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    setScriptState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ script, locale, setScript, t: traditional && converter ? converter : identity }),
    [script, locale, setScript, traditional, converter],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={traditional ? zhTW : zhCN}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

/** The script, its switch and the converter. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

/** The converter of the chosen script: `const t = useText(); t('提案')` → 提案 / 提案. */
export function useText(): Convert {
  return useContext(I18nContext).t;
}

/** Shows Simplified text in the chosen script: `<T>委员管理</T>`. */
export function T({ children }: { children: string }) {
  const t = useText();
  return <>{t(children)}</>;
}
