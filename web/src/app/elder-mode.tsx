/**
 * The elder-friendly mode (长者模式 / 适老化): a switch and a font scale, kept in localStorage, that choose the
 * antd theme and mark <html> so the page's own styles grow too.
 */
import { ConfigProvider } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ElderFontSize, elderFontSizes, elderTheme, standardTheme } from './theme.ts';

/** The localStorage key of the elder-friendly settings. */
export const ELDER_STORAGE_KEY = 'cppcc.elder';

/** What the elder-mode context offers. */
export type ElderModeValue = {
  enabled: boolean;
  fontSize: ElderFontSize;
  setEnabled: (enabled: boolean) => void;
  setFontSize: (fontSize: ElderFontSize) => void;
};

const ElderModeContext = createContext<ElderModeValue>({
  enabled: false,
  fontSize: 18,
  setEnabled: () => {},
  setFontSize: () => {},
});

type Stored = { enabled: boolean; fontSize: ElderFontSize };

/** The settings saved in this browser (off, 18px when none or unreadable). */
export function storedElderMode(): Stored {
  try {
    const parsed = JSON.parse(localStorage.getItem(ELDER_STORAGE_KEY) ?? '{}') as Partial<Stored>;
    const fontSize = elderFontSizes.includes(parsed.fontSize as ElderFontSize) ? (parsed.fontSize as ElderFontSize) : 18;
    return { enabled: parsed.enabled === true, fontSize };
  } catch {
    return { enabled: false, fontSize: 18 };
  }
}

/** Provides the elder-friendly switch and the antd theme that follows it. */
export function ElderModeProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Stored>(storedElderMode);

  const save = useCallback((next: Stored) => {
    setSettings(next);
    try {
      localStorage.setItem(ELDER_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('elder-mode', settings.enabled);
    root.style.setProperty('--base-font-size', `${settings.enabled ? settings.fontSize : 14}px`);
  }, [settings]);

  const value = useMemo<ElderModeValue>(
    () => ({
      enabled: settings.enabled,
      fontSize: settings.fontSize,
      setEnabled: (enabled) => save({ ...settings, enabled }),
      setFontSize: (fontSize) => save({ ...settings, fontSize }),
    }),
    [settings, save],
  );
  const theme = useMemo(() => (settings.enabled ? elderTheme(settings.fontSize) : standardTheme()), [settings]);

  return (
    <ElderModeContext.Provider value={value}>
      <ConfigProvider theme={theme} button={{ autoInsertSpace: false }}>
        {children}
      </ConfigProvider>
    </ElderModeContext.Provider>
  );
}

/** The elder-friendly settings and their setters. */
export function useElderMode(): ElderModeValue {
  return useContext(ElderModeContext);
}
