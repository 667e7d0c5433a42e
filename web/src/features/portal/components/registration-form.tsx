import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { EvidenceField, useEvidenceUploads } from '../../uploads/index.ts';
import { type RegistrationBody, useRegister } from '../api/portal.ts';

const FIELDS = ['legalName', 'type', 'country', 'address', 'email', 'phone'] as const;

/**
 * Registration of the caller as a rights holder: as the company (or person) owning the rights,
 * or as its agent, with the letter of authorisation uploaded as evidence.
 */
export function RegistrationForm() {
  const { t } = useTranslation();
  const register = useRegister();
  const letter = useEvidenceUploads();
  const [actingAs, setActingAs] = useState<'owner' | 'agent'>('owner');
  const [type, setType] = useState<'company' | 'individual'>('company');
  const [values, setValues] = useState({
    legalName: '',
    country: '',
    address: '',
    email: '',
    phone: '',
    principal: '',
  });
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const problem = register.error instanceof ApiProblem ? register.error : undefined;
  const fieldError = (path: string) => problem?.fieldError(path);
  const letterId = letter.sealedIds[0];
  const submit = () => {
    const body: RegistrationBody = {
      legalName: values.legalName.trim(),
      type,
      country: values.country.trim().toUpperCase(),
      address: values.address.trim(),
      email: values.email.trim(),
      phone: values.phone.trim(),
      ...(actingAs === 'agent' && letterId
        ? { agentFor: { principal: values.principal.trim(), authorizationEvidenceId: letterId } }
        : {}),
    };
    register.mutate(body);
  };
  const agentIncomplete = actingAs === 'agent' && (!letterId || !values.principal.trim());
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Form
        header={
          <Header variant="h1" description={t('portal.register.description')}>
            {t('portal.register.title')}
          </Header>
        }
        errorText={
          register.isError ? (
            <ProblemAlert
              error={register.error}
              shownFields={[...FIELDS, 'agentFor.principal', 'agentFor.authorizationEvidenceId']}
            />
          ) : undefined
        }
        actions={
          <Button
            variant="primary"
            formAction="submit"
            loading={register.isPending}
            disabled={agentIncomplete || letter.busy}
          >
            {t('portal.register.submit')}
          </Button>
        }
      >
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">{t('portal.register.who')}</Header>}>
            <SpaceBetween size="m">
              <FormField label={t('portal.register.actingAs')}>
                <RadioGroup
                  value={actingAs}
                  onChange={({ detail }) => setActingAs(detail.value as 'owner' | 'agent')}
                  items={[
                    { value: 'owner', label: t('portal.register.asOwner') },
                    {
                      value: 'agent',
                      label: t('portal.register.asAgent'),
                      description: t('portal.register.asAgentHelp'),
                    },
                  ]}
                />
              </FormField>
              <FormField label={t('portal.register.type')} errorText={fieldError('type')}>
                <RadioGroup
                  value={type}
                  onChange={({ detail }) => setType(detail.value as 'company' | 'individual')}
                  items={[
                    { value: 'company', label: t('verification.types.company') },
                    { value: 'individual', label: t('verification.types.individual') },
                  ]}
                />
              </FormField>
              <FormField label={t('verification.legalName')} errorText={fieldError('legalName')}>
                <Input
                  value={values.legalName}
                  onChange={({ detail }) => set('legalName')(detail.value)}
                />
              </FormField>
              <FormField
                label={t('case.country')}
                description={t('portal.register.countryHelp')}
                errorText={fieldError('country')}
              >
                <Input
                  value={values.country}
                  onChange={({ detail }) => set('country')(detail.value)}
                />
              </FormField>
              <FormField label={t('verification.address')} errorText={fieldError('address')}>
                <Textarea
                  rows={2}
                  value={values.address}
                  onChange={({ detail }) => set('address')(detail.value)}
                />
              </FormField>
              <FormField label={t('verification.email')} errorText={fieldError('email')}>
                <Input
                  type="email"
                  value={values.email}
                  onChange={({ detail }) => set('email')(detail.value)}
                />
              </FormField>
              <FormField label={t('verification.phone')} errorText={fieldError('phone')}>
                <Input
                  inputMode="tel"
                  value={values.phone}
                  onChange={({ detail }) => set('phone')(detail.value)}
                />
              </FormField>
            </SpaceBetween>
          </Container>
          {actingAs === 'agent' && (
            <Container header={<Header variant="h2">{t('portal.register.agent')}</Header>}>
              <SpaceBetween size="m">
                <FormField
                  label={t('portal.register.principal')}
                  errorText={fieldError('agentFor.principal')}
                >
                  <Input
                    value={values.principal}
                    onChange={({ detail }) => set('principal')(detail.value)}
                  />
                </FormField>
                <EvidenceField
                  label={t('portal.register.letter')}
                  description={t('portal.register.letterHelp')}
                  errorText={fieldError('agentFor.authorizationEvidenceId')}
                  uploads={letter}
                  multiple={false}
                  chooseLabel={t('portal.register.chooseLetter')}
                />
              </SpaceBetween>
            </Container>
          )}
        </SpaceBetween>
      </Form>
    </form>
  );
}
