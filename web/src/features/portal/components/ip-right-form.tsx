import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '../../../api/contract.ts';
import { ApiProblem } from '../../../api/problem.ts';
import { useFlash } from '../../../components/flash.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { EvidenceField, useEvidenceUploads } from '../../uploads/index.ts';
import { JURISDICTIONS, useRegisterIpRight } from '../api/portal.ts';

const KINDS = ['trademark', 'copyright', 'patent', 'design'] as const;
type Kind = (typeof KINDS)[number];

/** Registers an IP right once, with its proof (certificates, registrations), for verification. */
export function IpRightForm() {
  const { t } = useTranslation();
  const flash = useFlash();
  const registerRight = useRegisterIpRight();
  const proof = useEvidenceUploads();
  const [kind, setKind] = useState<Kind>('trademark');
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>('US');
  const [title, setTitle] = useState('');
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [owner, setOwner] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const problem = registerRight.error instanceof ApiProblem ? registerRight.error : undefined;
  const kindOptions = KINDS.map((k) => ({ value: k, label: t(`ipRightKinds.${k}`) }));
  const jurisdictionOptions = JURISDICTIONS.map((j) => ({
    value: j,
    label: t(`jurisdictions.${j}`),
  }));
  const submit = () =>
    registerRight.mutate(
      {
        kind,
        title: title.trim(),
        jurisdiction,
        owner: owner.trim(),
        ...(registrationNumber.trim() ? { registrationNumber: registrationNumber.trim() } : {}),
        ...(validUntil.trim() ? { validUntil: validUntil.trim() } : {}),
        proofEvidenceIds: proof.sealedIds,
      },
      {
        onSuccess: () => {
          flash.push({ type: 'success', content: t('portal.ipRights.registeredFlash', { title }) });
          setTitle('');
          setRegistrationNumber('');
          setValidUntil('');
        },
      },
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Form
        errorText={
          registerRight.isError ? (
            <ProblemAlert
              error={registerRight.error}
              shownFields={['title', 'registrationNumber', 'owner', 'validUntil']}
            />
          ) : undefined
        }
        actions={
          <Button
            variant="primary"
            formAction="submit"
            loading={registerRight.isPending}
            disabled={proof.busy}
          >
            {t('portal.ipRights.submit')}
          </Button>
        }
      >
        <Container
          header={
            <Header variant="h2" description={t('portal.ipRights.formHelp')}>
              {t('portal.ipRights.add')}
            </Header>
          }
        >
          <SpaceBetween size="m">
            <FormField label={t('case.ipRightKind')}>
              <Select
                selectedOption={kindOptions.find((o) => o.value === kind)!}
                options={kindOptions}
                onChange={({ detail }) => setKind(detail.selectedOption.value as Kind)}
              />
            </FormField>
            <FormField label={t('case.jurisdiction')}>
              <Select
                selectedOption={jurisdictionOptions.find((o) => o.value === jurisdiction)!}
                options={jurisdictionOptions}
                onChange={({ detail }) =>
                  setJurisdiction(detail.selectedOption.value as Jurisdiction)
                }
              />
            </FormField>
            <FormField
              label={t('verification.title')}
              description={t('portal.ipRights.titleHelp')}
              errorText={problem?.fieldError('title')}
            >
              <Input value={title} onChange={({ detail }) => setTitle(detail.value)} />
            </FormField>
            <FormField
              label={t('case.registrationNumber')}
              description={t('portal.ipRights.registrationHelp')}
              errorText={problem?.fieldError('registrationNumber')}
            >
              <Input
                value={registrationNumber}
                onChange={({ detail }) => setRegistrationNumber(detail.value)}
              />
            </FormField>
            <FormField label={t('verification.owner')} errorText={problem?.fieldError('owner')}>
              <Input value={owner} onChange={({ detail }) => setOwner(detail.value)} />
            </FormField>
            <FormField
              label={t('verification.validUntil')}
              description={t('portal.ipRights.validUntilHelp')}
              errorText={problem?.fieldError('validUntil')}
            >
              <Input
                value={validUntil}
                placeholder="2030-12-31"
                onChange={({ detail }) => setValidUntil(detail.value)}
              />
            </FormField>
            <EvidenceField
              label={t('portal.ipRights.proof')}
              description={t('portal.ipRights.proofHelp')}
              errorText={problem?.fieldError('proofEvidenceIds')}
              uploads={proof}
              chooseLabel={t('portal.ipRights.chooseProof')}
            />
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}
