import { useEffect, useState } from 'react';

/** Cloudscape's "xs" breakpoint: below it, tables show their essential columns only. */
const NARROW = '(max-width: 688px)';

/** Whether the window is phone-narrow (e.g. 390 px), updated as it resizes. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const listener = () => setNarrow(query.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, []);
  return narrow;
}
