import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** How long a page may take to draw the element a link's #hash names (its data loads after the page). */
const WAIT_MS = 4000;

/**
 * Scrolls to the element the URL's #hash names once it is drawn and loaded (not a loading card): a workbench item
 * "待评价" opens /proposals/{id}#replies on the rating form, not at the top of the proposal.
 */
export function useScrollToHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    if (!id) return;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      const element = document.getElementById(id);
      const loading = element?.querySelector('.ant-card-loading-content, .ant-skeleton');
      if (element && !loading) {
        // Below the sticky header, not under it.
        const header = document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0;
        window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - header - 8 });
        return;
      }
      if (Date.now() - started < WAIT_MS) timer = setTimeout(attempt, 100);
    };
    attempt();
    return () => clearTimeout(timer);
  }, [hash]);
}
