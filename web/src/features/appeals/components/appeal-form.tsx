import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealAgainst, CaseFile, Jurisdiction } from '../../../api/contract.ts';
import { ApiProblem } from '../../../api/problem.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { StatutoryStatements, useLegalTexts } from '../../legal/index.ts';
import { EvidenceField, useEvidenceUploads } from '../../uploads/index.ts';
import { useFileAppeal } from '../api/appeals.ts';
import { AppealsSection } from './appeals-section.tsx';

/**
 * An appeal (DSA Art 20 internal complaint) against a decision of the case: what it is against,
 * the grounds and evidence, under the law's words on the complaint and the other routes. Shown
 * when the case has a decision the party may appeal (`against` non-empty); the API refuses one
 * outside its window with 409, shown as such.
 */
export function AppealForm(props: {
  caseId: string;
  jurisdiction: Jurisdiction;
  against: readonly AppealAgainst[];
  appeals: CaseFile['appeals'];
}) {
  const { t } = useTranslation();
  const texts = useLegalTexts(props.jurisdiction, 'appeal');
  const evidence = useEvidenceUploads();
  const [against, setAgainst] = useState<AppealAgainst | undefined>(props.against[0]);
  const [grounds, setGrounds] = useState('');
  const appeal = useFileAppeal(props.caseId);
  if (props.against.length === 0) return null;
  const open = props.appeals.filter((a) => a.status === 'open');
  const problem = appeal.error instanceof ApiProblem ? appeal.error : undefined;
  return (
    <Container
      header={
        <Header variant="h2" description={t('appeal.description')}>
          {t('appeal.title')}
        </Header>
      }
    >
      {appeal.isSuccess ? (
        <Alert type="success">{t('appeal.filed', { id: appeal.data.appealId })}</Alert>
      ) : open.length > 0 ? (
        <Alert type="info">{t('appeal.open')}</Alert>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (against)
              appeal.mutate({ against, grounds: grounds.trim(), evidenceIds: evidence.sealedIds });
          }}
        >
          <Form
            errorText={
              appeal.isError ? (
                <ProblemAlert
                  error={appeal.error}
                  shownFields={['grounds', 'against', 'evidenceIds']}
                />
              ) : undefined
            }
            actions={
              <Button
                formAction="submit"
                loading={appeal.isPending}
                disabled={!against || grounds.trim().length === 0 || evidence.busy}
              >
                {t('appeal.submit')}
              </Button>
            }
          >
            <SpaceBetween size="m">
              <StatutoryStatements texts={texts} agreed={new Set()} onChange={() => undefined} />
              <FormField label={t('appeal.against')} errorText={problem?.fieldError('against')}>
                <RadioGroup
                  value={against ?? null}
                  onChange={({ detail }) => setAgainst(detail.value as AppealAgainst)}
                  items={props.against.map((a) => ({ value: a, label: t(`appeal.options.${a}`) }))}
                />
              </FormField>
              <FormField label={t('appeal.grounds')} errorText={problem?.fieldError('grounds')}>
                <Textarea
                  rows={4}
                  value={grounds}
                  onChange={({ detail }) => setGrounds(detail.value)}
                />
              </FormField>
              <EvidenceField
                label={t('appeal.evidence')}
                errorText={problem?.fieldError('evidenceIds')}
                uploads={evidence}
                chooseLabel={t('appeal.chooseEvidence')}
              />
            </SpaceBetween>
          </Form>
        </form>
      )}
    </Container>
  );
}

/** A party's appeals on its case page: those filed (status, reasons) and the form for a new one. */
export function CaseAppeals(props: { file: CaseFile; against: readonly AppealAgainst[] }) {
  const { file } = props;
  return (
    <>
      <AppealsSection appeals={file.appeals} />
      <AppealForm
        caseId={file.caseId}
        jurisdiction={file.jurisdiction}
        against={props.against}
        appeals={file.appeals}
      />
    </>
  );
}
