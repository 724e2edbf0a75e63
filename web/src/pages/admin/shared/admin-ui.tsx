import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, message, Select, Space, Typography, theme } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { usePhone } from '../../../app/use-phone.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorMessage, isVersionConflict } from './admin-api.ts';
import { useT } from './admin-text.ts';
import { type CursorPages, nextPage, previousPage, shownRange, withPageSize } from './cursor-pages.ts';
import { formFieldErrors } from './form-values.ts';

/** True on a phone-width screen (the shell's rule, ≤ 768px). */
export function useIsPhone(): boolean {
  return usePhone();
}

/** A drawer width that fits the screen: the wanted width, or the whole width on a phone. */
export function useDrawerSize(wanted = 640): number | string {
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? wanted : window.innerWidth));
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width < wanted + 40 ? '100%' : wanted;
}

/** Toasts for success and failure; render `holder` once in the page. */
export function useFeedback(): { holder: ReactNode; ok: (text: string) => void; fail: (error: unknown) => void } {
  const [api, holder] = message.useMessage();
  const t = useT();
  const ok = useCallback((text: string) => void api.success(t(text)), [api, t]);
  const fail = useCallback((error: unknown) => void api.error({ content: t(errorMessage(error)), duration: 6 }), [api, t]);
  return { holder, ok, fail };
}

/** The title row of an admin screen with its actions on the right (wrapping on a phone). */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  const t = useT();
  return (
    <div style={{ marginBottom: 16 }}>
      <PageHeader title={t(title)} extra={extra ? <Space wrap>{extra}</Space> : undefined} />
    </div>
  );
}

/** Previous / next paging for cursor lists, with the rows shown, the total (when known) and the page size. */
export function CursorPager(props: {
  pages: CursorPages;
  rowsOnPage: number;
  nextCursor: string | null | undefined;
  total?: number;
  loading?: boolean;
  onChange: (pages: CursorPages) => void;
}) {
  const t = useT();
  const { pages, rowsOnPage, nextCursor, total, loading, onChange } = props;
  const range = shownRange(pages, rowsOnPage);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'flex-end', marginTop: 16 }}>
      <Typography.Text type="secondary">
        {rowsOnPage === 0 ? t('暂无数据') : `${t('第')} ${range.from}–${range.to} ${t('条')}`}
        {total !== undefined ? ` / ${t('共')} ${total} ${t('条')}` : ''}
      </Typography.Text>
      <Button
        icon={<LeftOutlined />}
        disabled={pages.index === 0 || loading}
        onClick={() => onChange(previousPage(pages))}
        aria-label={t('上一页')}
      >
        {t('上一页')}
      </Button>
      <Button disabled={!nextCursor || loading} onClick={() => onChange(nextPage(pages, nextCursor))} aria-label={t('下一页')}>
        {t('下一页')} <RightOutlined />
      </Button>
      <Select
        value={pages.pageSize}
        style={{ width: 112 }}
        aria-label={t('每页条数')}
        onChange={(size: number) => onChange(withPageSize(pages, size))}
        options={[10, 20, 50, 100].map((size) => ({ value: size, label: `${size} ${t('条/页')}` }))}
      />
    </div>
  );
}

// biome-ignore lint/suspicious/noExplicitAny: any antd form instance, whatever its values
type AnyForm = { setFields: (fields: any[]) => void };

/** Puts the server's field errors under the form's fields; true when any matched. */
export function showServerFieldErrors(form: AnyForm, fieldNames: readonly string[], error: unknown): boolean {
  const fields = formFieldErrors(error, fieldNames);
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}

/**
 * Shows a failed save: field errors go under their fields; a version conflict says the record changed
 * meanwhile; anything else becomes a toast.
 */
export function reportFormError(
  form: AnyForm,
  fieldNames: readonly string[],
  error: unknown,
  fail: (error: unknown) => void,
): void {
  showServerFieldErrors(form, fieldNames, error);
  if (isVersionConflict(error)) {
    fail(new Error('已被他人修改，请刷新后重试'));
    return;
  }
  fail(error);
}

/** The width of a filter field: fixed on a desktop, the whole row on a phone. */
export function useFilterFieldStyle(width = 168): React.CSSProperties {
  const phone = useIsPhone();
  const scale = useWidthScale();
  return phone ? { width: '100%' } : { width: scale(width) };
}

/**
 * Scales a column width with the theme's font size, so the elder mode's larger type keeps table columns
 * readable instead of wrapping every word (the table scrolls sideways instead).
 */
export function useWidthScale(): (width: number) => number {
  const { token } = theme.useToken();
  const factor = Math.max(1, token.fontSize / 14);
  return useCallback((width: number) => Math.round(width * factor), [factor]);
}

/**
 * The style of a card that holds a table: its own stacking context, so the table's sticky fixed columns
 * (z-index 10 in antd 6) stay under the app's sticky header when the page scrolls.
 */
export const tableCardStyle: React.CSSProperties = { isolation: 'isolate' };
