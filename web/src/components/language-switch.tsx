import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages.ts';

/** Switches between English and Simplified Chinese; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (LANGUAGES as readonly string[]).includes(i18n.language)
    ? (i18n.language as Language)
    : 'en';
  return (
    <ButtonDropdown
      ariaLabel={`${t('shell.language')}: ${LANGUAGE_NAMES[current]}`}
      items={LANGUAGES.map((language) => ({
        id: language,
        text: LANGUAGE_NAMES[language],
        lang: language,
        disabled: language === current,
      }))}
      onItemClick={({ detail }) => void changeLanguage(detail.id as Language)}
    >
      {LANGUAGE_NAMES[current]}
    </ButtonDropdown>
  );
}
