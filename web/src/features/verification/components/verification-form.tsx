import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem.ts';
import { useFlash } from '../../../components/flash.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type Subject, useVerify, type VerificationBody } from '../api/verification.ts';

/** Verify or reject an applicant (a rights holder, or an IP right), with the reason for the record. */
export function VerificationForm(props: { subject: Subject; id: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const verify = useVerify(props.subject, props.id);
  const [decision, setDecision] = useState<VerificationBody['decision']>('verify');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const problem = verify.error instanceof ApiProblem ? verify.error : undefined;
  const submit = () => {
    setTried(true);
    if (!reason.trim()) return;
    verify.mutate(
      { decision, reason: reason.trim() },
      {
        onSuccess: () => {
          flash.push({
            type: 'success',
            content: t(`verification.done.${decision}`, { name: props.name }),
          });
          void navigate({ to: '/queue' });
        },
      },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Form
        actions={
          <Button variant="primary" formAction="submit" loading={verify.isPending}>
            {t(`verification.submit.${decision}`)}
          </Button>
        }
      >
        <Container header={<Header variant="h2">{t('verification.decision')}</Header>}>
          <SpaceBetween size="m">
            {verify.isError && (
              <ProblemAlert error={verify.error} shownFields={['decision', 'reason']} />
            )}
            <FormField
              label={t('verification.decision')}
              errorText={problem?.fieldError('decision')}
            >
              <RadioGroup
                value={decision}
                onChange={({ detail }) => setDecision(detail.value as VerificationBody['decision'])}
                items={[
                  { value: 'verify', label: t('verification.options.verify') },
                  { value: 'reject', label: t('verification.options.reject') },
                ]}
              />
            </FormField>
            <FormField
              label={t('verification.reason')}
              description={t('verification.reasonHelp')}
              errorText={
                problem?.fieldError('reason') ??
                (tried && !reason.trim() ? t('common.required') : undefined)
              }
              controlId="verification-reason"
              stretch
            >
              <Textarea
                controlId="verification-reason"
                value={reason}
                onChange={({ detail }) => setReason(detail.value)}
              />
            </FormField>
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}
