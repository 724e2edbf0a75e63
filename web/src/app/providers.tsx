/** Everything a screen relies on: the query client, elder mode and theme, the script and antd's locale. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { queryClient } from '../lib/api.ts';
import { I18nProvider } from '../lib/i18n.tsx';
import { ElderModeProvider } from './elder-mode.tsx';

/** Wraps the app in its providers. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ElderModeProvider>
        <I18nProvider>
          <AntApp>{children}</AntApp>
        </I18nProvider>
      </ElderModeProvider>
    </QueryClientProvider>
  );
}
