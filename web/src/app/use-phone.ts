import { useEffect, useState } from 'react';

/** The widest viewport treated as a phone: the menu moves into a drawer and content takes the full width. */
export const PHONE_MAX_WIDTH = 768;
const query = `(max-width: ${PHONE_MAX_WIDTH}px)`;

/** True while the viewport is phone-sized (≤ 768px). */
export function usePhone(): boolean {
  const [phone, setPhone] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const update = () => setPhone(media.matches);
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return phone;
}
