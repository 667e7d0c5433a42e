/** The app's languages; `en` is the source, every other must have all of its keys. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export const LANGUAGE_STORAGE_KEY = 'takedown.language';

/**
 * The language to start in: the one the user chose before, else the browser's first preference
 * that we have (any Chinese → zh-CN), else English.
 */
export function detectLanguage(
  stored: string | null | undefined,
  preferred: readonly string[],
): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  }
  return 'en';
}
