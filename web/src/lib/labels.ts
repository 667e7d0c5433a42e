import type { TFunction } from 'i18next';

/**
 * The label of an API value (a status, queue, kind, timeline type) in the viewer's language, or
 * the value itself when the API sends one this build does not know yet.
 */
export function labelOf(
  t: TFunction,
  exists: (key: string) => boolean,
  group: string,
  value: string | undefined,
): string {
  if (!value) return '—';
  const key = `${group}.${value}`;
  return exists(key) ? t(key) : value;
}
