import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import type { LegalText } from '../../../api/contract.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import type { useLegalTexts } from '../api/legal-texts.ts';

/**
 * Each statutory statement in the law's words, agreed to one by one (a checkbox each). The keys
 * agreed go back to the API as the document's statements.
 */
export function StatutoryStatements(props: {
  texts: ReturnType<typeof useLegalTexts>;
  agreed: ReadonlySet<string>;
  onChange: (agreed: Set<string>) => void;
  /** Field errors by statement key. */
  errors?: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const { texts } = props;
  if (texts.isPending)
    return <StatusIndicator type="loading">{t('common.loading')}</StatusIndicator>;
  if (texts.isError) return <ProblemAlert error={texts.error} />;
  const toggle = (text: LegalText, checked: boolean) => {
    const next = new Set(props.agreed);
    if (checked) next.add(text.key);
    else next.delete(text.key);
    props.onChange(next);
  };
  return (
    <SpaceBetween size="m">
      {texts.data.source === 'app' && (
        <Box variant="small" color="text-body-secondary">
          {t('legal.appWording')}
        </Box>
      )}
      {texts.data.texts.map((text) => (
        <FormField key={text.key} errorText={props.errors?.[text.key]}>
          <Checkbox
            checked={props.agreed.has(text.key)}
            onChange={({ detail }) => toggle(text, detail.checked)}
          >
            {text.text}
          </Checkbox>
        </FormField>
      ))}
    </SpaceBetween>
  );
}
