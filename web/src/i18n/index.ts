import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages.ts';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** Keys asked for and found in no language: the journeys read this and fail on any. */
export const missingKeys: string[] = [];

declare global {
  interface Window {
    __takedownMissingKeys?: string[];
  }
}

export async function initI18n(): Promise<i18n> {
  const language = detectLanguage(
    window.localStorage.getItem(LANGUAGE_STORAGE_KEY),
    window.navigator.languages ?? [window.navigator.language],
  );
  window.__takedownMissingKeys = missingKeys;
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    // No fallback: a key missing in zh-CN shows as missing, never silently in English.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => {
      missingKeys.push(`${languages.join(',')}:${key}`);
    },
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}

export function changeLanguage(language: Language): void {
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}
