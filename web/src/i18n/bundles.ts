import type { I18nProviderProps } from '@cloudscape-design/components/i18n';
import type { Language } from './languages.ts';

/** What one language needs: the app's messages and Cloudscape's own. */
export interface LanguageBundle {
  app: Record<string, unknown>;
  cloudscape: I18nProviderProps.Messages;
}

/** Each language in a chunk of its own: the app loads only the one it shows. */
const loaders: Record<Language, () => Promise<LanguageBundle>> = {
  en: async () => {
    const [app, cloudscape] = await Promise.all([
      import('./locales/en.json'),
      import('@cloudscape-design/components/i18n/messages/all.en'),
    ]);
    return { app: app.default, cloudscape: cloudscape.default };
  },
  'zh-CN': async () => {
    const [app, cloudscape] = await Promise.all([
      import('./locales/zh-CN.json'),
      import('@cloudscape-design/components/i18n/messages/all.zh-CN'),
    ]);
    return { app: app.default, cloudscape: cloudscape.default };
  },
};

const loaded = new Map<Language, Promise<LanguageBundle>>();

export function loadLanguage(language: Language): Promise<LanguageBundle> {
  let bundle = loaded.get(language);
  if (!bundle) {
    bundle = loaders[language]();
    loaded.set(language, bundle);
  }
  return bundle;
}
