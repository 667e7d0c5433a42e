import type { I18nProviderProps } from '@cloudscape-design/components/i18n';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadLanguage } from './bundles.ts';
import { detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages.ts';

/** Keys asked for and found in no language: the journeys read this and fail on any. */
export const missingKeys: string[] = [];

/** Cloudscape's messages of the languages loaded so far (its I18nProvider picks by locale). */
export const cloudscapeMessages: I18nProviderProps.Messages[] = [];

declare global {
  interface Window {
    __takedownMissingKeys?: string[];
  }
}

async function addLanguage(language: Language): Promise<void> {
  const bundle = await loadLanguage(language);
  if (!i18next.hasResourceBundle(language, 'translation'))
    i18next.addResourceBundle(language, 'translation', bundle.app);
  if (!cloudscapeMessages.includes(bundle.cloudscape)) cloudscapeMessages.push(bundle.cloudscape);
}

export async function initI18n(): Promise<i18n> {
  const language = detectLanguage(
    window.localStorage.getItem(LANGUAGE_STORAGE_KEY),
    window.navigator.languages ?? [window.navigator.language],
  );
  window.__takedownMissingKeys = missingKeys;
  await i18next.use(initReactI18next).init({
    resources: {},
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
  await addLanguage(language);
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}

/** Switches language (loading it first), and remembers the choice in this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  await addLanguage(language);
  await i18next.changeLanguage(language);
}
