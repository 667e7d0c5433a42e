import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { AppealAgainst, AppealSummary, Jurisdiction } from '../../../api/contract.ts';
import { ApiProblem } from '../../../api/problem.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { StatutoryStatements, useLegalTexts } from '../../legal/index.ts';
import { EvidenceUploader, useEvidenceUploads } from '../../uploads/index.ts';

/**
 * An appeal (DSA Art 20 internal complaint) against a decision of the case: grounds, evidence,
 * and any statements the law asks for. Shown only where the service has appeals (it serves the
 * appeal's legal texts); the API refuses an appeal outside its window with 409, shown as such.
 */
export function AppealForm(props: {
  caseId: string;
  jurisdiction: Jurisdiction;
  against: readonly AppealAgainst[];
  appeals?: readonly AppealSummary[];
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const texts = useLegalTexts(props.jurisdiction, 'appeal');
  const evidence = useEvidenceUploads();
  const [against, setAgainst] = useState<AppealAgainst | undefined>(props.against[0]);
  const [grounds, setGrounds] = useState('');
  const [agreed, setAgreed] = useState<Set<string>>(new Set());
  const appeal = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/cases/{caseId}/appeals', {
          params: { path: { caseId: props.caseId } },
          body: { against: against!, grounds: grounds.trim(), evidenceIds: evidence.sealedIds },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['case', props.caseId] }),
  });
  if (texts.data?.source !== 'service' || props.against.length === 0) return null;
  const open = props.appeals?.filter((a) => a.status === 'open') ?? [];
  const keys = texts.data.texts.map((text) => text.key);
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
            appeal.mutate();
          }}
        >
          <Form
            errorText={
              appeal.isError ? (
                <ProblemAlert error={appeal.error} shownFields={['grounds', 'against']} />
              ) : undefined
            }
            actions={
              <Button
                formAction="submit"
                loading={appeal.isPending}
                disabled={
                  !against ||
                  grounds.trim().length === 0 ||
                  evidence.busy ||
                  keys.some((key) => !agreed.has(key))
                }
              >
                {t('appeal.submit')}
              </Button>
            }
          >
            <SpaceBetween size="m">
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
              <FormField label={t('appeal.evidence')}>
                <EvidenceUploader uploads={evidence} label={t('appeal.chooseEvidence')} />
              </FormField>
              {keys.length > 0 && (
                <StatutoryStatements texts={texts} agreed={agreed} onChange={setAgreed} />
              )}
            </SpaceBetween>
          </Form>
        </form>
      )}
    </Container>
  );
}
