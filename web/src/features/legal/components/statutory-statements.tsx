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
 * Each statutory statement in the law's words, with its source. A statement the party agrees to
 * has a checkbox of its own (agreed one by one, never as a block); the others inform. `agreed`
 * holds the body fields agreed to.
 */
export function StatutoryStatements(props: {
  texts: ReturnType<typeof useLegalTexts>;
  agreed: ReadonlySet<string>;
  onChange: (agreed: Set<string>) => void;
  /** Field errors by body field. */
  errors?: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const { texts } = props;
  if (texts.isPending)
    return <StatusIndicator type="loading">{t('common.loading')}</StatusIndicator>;
  if (texts.isError) return <ProblemAlert error={texts.error} />;
  const toggle = (field: string, checked: boolean) => {
    const next = new Set(props.agreed);
    if (checked) next.add(field);
    else next.delete(field);
    props.onChange(next);
  };
  return (
    <SpaceBetween size="m">
      {texts.data.map((text) => (
        <Statement
          key={text.key}
          text={text}
          agreed={text.field ? props.agreed.has(text.field) : false}
          errorText={text.field ? props.errors?.[text.field] : undefined}
          onToggle={(checked) => text.field && toggle(text.field, checked)}
        />
      ))}
    </SpaceBetween>
  );
}

function Statement(props: {
  text: LegalText;
  agreed: boolean;
  errorText?: string;
  onToggle: (checked: boolean) => void;
}) {
  const { text } = props;
  const source = (
    <Box variant="small" color="text-body-secondary">
      {text.source}
    </Box>
  );
  if (!text.field)
    return (
      <div className="statutory-text">
        <Box>{text.text}</Box>
        {source}
      </div>
    );
  return (
    <FormField errorText={props.errorText}>
      <Checkbox checked={props.agreed} onChange={({ detail }) => props.onToggle(detail.checked)}>
        {text.text}
      </Checkbox>
      {source}
    </FormField>
  );
}
