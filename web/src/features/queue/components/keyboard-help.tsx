import ExpandableSection from '@cloudscape-design/components/expandable-section';
import { useTranslation } from 'react-i18next';

const KEYS = [
  ['j / ↓', 'queue.keyboard.next'],
  ['k / ↑', 'queue.keyboard.previous'],
  ['Enter', 'queue.keyboard.open'],
  ['a', 'queue.keyboard.approve'],
  ['r', 'queue.keyboard.reject'],
  ['i', 'queue.keyboard.requestInfo'],
] as const;

/** The queue's shortcuts, for whoever has not learnt them yet. */
export function KeyboardHelp() {
  const { t } = useTranslation();
  return (
    <ExpandableSection headerText={t('queue.keyboard.title')}>
      <ul className="keyboard-hint">
        {KEYS.map(([key, text]) => (
          <li key={key}>
            <kbd>{key}</kbd> {t(text)}
          </li>
        ))}
      </ul>
    </ExpandableSection>
  );
}
