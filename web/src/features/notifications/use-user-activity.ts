import { useCallback, useEffect, useRef } from 'react';

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** When the user last pressed, typed or scrolled in the page (answered by the returned function, no re-renders). */
export function useUserActivity(): () => number {
  const last = useRef(Date.now());
  useEffect(() => {
    const touch = () => {
      last.current = Date.now();
    };
    for (const name of EVENTS) window.addEventListener(name, touch, { passive: true, capture: true });
    window.addEventListener('focus', touch);
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, touch, { capture: true });
      window.removeEventListener('focus', touch);
    };
  }, []);
  return useCallback(() => last.current, []);
}
