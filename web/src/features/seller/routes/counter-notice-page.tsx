import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile, CounterNoticeBody } from '../../../api/contract.ts';
import { ApiProblem } from '../../../api/problem.ts';
import { useFlash } from '../../../components/flash.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import {
  agreementBody,
  agreementFields,
  StatutoryStatements,
  useLegalTexts,
} from '../../legal/index.ts';
import { EvidenceField, useEvidenceUploads } from '../../uploads/index.ts';
import { useFileCounterNotice, useSellerCase } from '../api/seller.ts';
import { canCounterNotify } from './seller-case-page.tsx';

/** The case's counter-notice form, once the case file is loaded. */
export function CounterNoticePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const file = useSellerCase(caseId);
  if (file.isPending) return <LoadingState />;
  if (file.isError)
    return (
      <ContentLayout header={<Header variant="h1">{t('seller.counterNotice.title')}</Header>}>
        <ProblemAlert error={file.error} />
      </ContentLayout>
    );
  return <CounterNoticeForm file={file.data} />;
}

/**
 * A counter-notice (declaration of non-infringement) with what the case's jurisdiction asks:
 * US: the §512(g)(3) parts, each in the statute's words and agreed separately, the removed
 * material and where it appeared, the district, and a signature; CN: a declaration with
 * preliminary evidence and real identity (no signature, no perjury statement); EU: a statement
 * for re-review.
 */
function CounterNoticeForm(props: { file: CaseFile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const { file } = props;
  const jurisdiction = file.jurisdiction;
  const texts = useLegalTexts(jurisdiction, 'counter_notice', file.infringementType);
  const evidence = useEvidenceUploads();
  const send = useFileCounterNotice(file.caseId);
  const [statement, setStatement] = useState('');
  const [contact, setContact] = useState({ name: '', address: '', phone: '', email: '' });
  const [agreed, setAgreed] = useState<Set<string>>(new Set());
  const [fullName, setFullName] = useState('');
  const [inUs, setInUs] = useState<'us' | 'abroad'>('us');
  const [district, setDistrict] = useState('');
  const [material, setMaterial] = useState({
    description: file.listing.title ?? file.listingId,
    location: file.listing.url ?? '',
  });
  const problem = send.error instanceof ApiProblem ? send.error : undefined;
  const fieldError = (path: string) => problem?.fieldError(path);
  const us = jurisdiction === 'US';
  const cn = jurisdiction === 'CN';
  /** 17 U.S.C. §512(g)(3) in full: US copyright (other US types are re-reviewed by policy). */
  const fullUs = us && file.infringementType === 'copyright';
  const fields = agreementFields(texts.data);
  const withSignature = !cn;
  const ready =
    statement.trim().length > 0 &&
    fields.every((field) => agreed.has(field)) &&
    !evidence.busy &&
    (!cn || evidence.sealedIds.length > 0) &&
    (!us || fullName.trim().length >= 2) &&
    (!fullUs ||
      ((inUs === 'abroad' || district.trim().length > 0) &&
        material.description.trim().length > 0 &&
        material.location.trim().length > 0));

  const submit = () => {
    const trimmed = Object.fromEntries(
      Object.entries(contact)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    );
    const body: CounterNoticeBody = {
      statement: statement.trim(),
      contact: trimmed,
      evidenceIds: evidence.sealedIds,
      ...agreementBody(fields.filter((field) => agreed.has(field))),
      ...(withSignature && fullName.trim()
        ? { signature: { fullName: fullName.trim(), signedAt: new Date().toISOString() } }
        : {}),
      ...(fullUs
        ? {
            ...(inUs === 'us'
              ? { district: district.trim() }
              : { serviceProviderDistrict: true as const }),
            material: {
              description: material.description.trim(),
              location: material.location.trim(),
            },
          }
        : {}),
    };
    send.mutate(body, {
      onSuccess: () => {
        flash.push({ type: 'success', content: t('seller.counterNotice.sent') });
        void navigate({ to: '/cases/$caseId', params: { caseId: file.caseId } });
      },
    });
  };

  if (!canCounterNotify(file))
    return (
      <ContentLayout header={<Header variant="h1">{t('seller.counterNotice.title')}</Header>}>
        <Alert type="info">{t('seller.counterNotice.notOpen')}</Alert>
      </ContentLayout>
    );

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t(`seller.counterNotice.intro.${jurisdiction}`, {
            listing: file.listing.title ?? file.listingId,
          })}
        >
          {t('seller.counterNotice.title')}
        </Header>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Form
          errorText={
            send.isError ? (
              <ProblemAlert
                error={send.error}
                shownFields={[
                  'statement',
                  'contact.name',
                  'contact.address',
                  'contact.phone',
                  'contact.email',
                  'evidenceIds',
                  'signature',
                  'district',
                  'material.description',
                  'material.location',
                  ...fields,
                ]}
              />
            ) : undefined
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                variant="link"
                formAction="none"
                onClick={() =>
                  void navigate({ to: '/cases/$caseId', params: { caseId: file.caseId } })
                }
              >
                {t('common.cancel')}
              </Button>
              <Button
                variant="primary"
                formAction="submit"
                loading={send.isPending}
                disabled={!ready}
              >
                {t('seller.counterNotice.submit')}
              </Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            <Container
              header={<Header variant="h2">{t('seller.counterNotice.declaration')}</Header>}
            >
              <SpaceBetween size="m">
                <FormField
                  label={t('seller.counterNotice.statement')}
                  description={t(`seller.counterNotice.statementHelp.${jurisdiction}`)}
                  errorText={fieldError('statement')}
                >
                  <Textarea
                    rows={5}
                    value={statement}
                    onChange={({ detail }) => setStatement(detail.value)}
                  />
                </FormField>
                {fullUs && (
                  <>
                    <FormField
                      label={t('seller.counterNotice.materialDescription')}
                      description={t('seller.counterNotice.materialHelp')}
                      errorText={fieldError('material.description')}
                    >
                      <Input
                        value={material.description}
                        onChange={({ detail }) =>
                          setMaterial((m) => ({ ...m, description: detail.value }))
                        }
                      />
                    </FormField>
                    <FormField
                      label={t('seller.counterNotice.materialLocation')}
                      errorText={fieldError('material.location')}
                    >
                      <Input
                        value={material.location}
                        onChange={({ detail }) =>
                          setMaterial((m) => ({ ...m, location: detail.value }))
                        }
                      />
                    </FormField>
                  </>
                )}
                <EvidenceField
                  label={t('seller.counterNotice.evidence')}
                  description={t(`seller.counterNotice.evidenceHelp.${jurisdiction}`)}
                  errorText={fieldError('evidenceIds')}
                  uploads={evidence}
                  chooseLabel={t('seller.counterNotice.chooseEvidence')}
                />
              </SpaceBetween>
            </Container>
            <Container
              header={
                <Header
                  variant="h2"
                  description={t(
                    file.source === 'own_initiative'
                      ? `seller.counterNotice.identityHelpOwnInitiative.${jurisdiction}`
                      : `seller.counterNotice.identityHelp.${jurisdiction}`,
                  )}
                >
                  {t('seller.counterNotice.identity')}
                </Header>
              }
            >
              <SpaceBetween size="m">
                {(['name', 'address', 'phone', 'email'] as const).map((field) => (
                  <FormField
                    key={field}
                    label={t(`seller.counterNotice.contact.${field}`)}
                    errorText={fieldError(`contact.${field}`)}
                  >
                    {field === 'address' ? (
                      <Textarea
                        rows={2}
                        value={contact.address}
                        onChange={({ detail }) =>
                          setContact((c) => ({ ...c, address: detail.value }))
                        }
                      />
                    ) : (
                      <Input
                        type={field === 'email' ? 'email' : 'text'}
                        value={contact[field]}
                        onChange={({ detail }) =>
                          setContact((c) => ({ ...c, [field]: detail.value }))
                        }
                      />
                    )}
                  </FormField>
                ))}
                {fullUs && (
                  <FormField
                    label={t('seller.counterNotice.whereAreYou')}
                    errorText={fieldError('district')}
                  >
                    <SpaceBetween size="s">
                      <RadioGroup
                        value={inUs}
                        onChange={({ detail }) => setInUs(detail.value as 'us' | 'abroad')}
                        items={[
                          { value: 'us', label: t('seller.counterNotice.inUs') },
                          { value: 'abroad', label: t('seller.counterNotice.abroad') },
                        ]}
                      />
                      {inUs === 'us' && (
                        <Input
                          ariaLabel={t('seller.counterNotice.district')}
                          placeholder={t('seller.counterNotice.districtPlaceholder')}
                          value={district}
                          onChange={({ detail }) => setDistrict(detail.value)}
                        />
                      )}
                    </SpaceBetween>
                  </FormField>
                )}
              </SpaceBetween>
            </Container>
            {(fields.length > 0 || withSignature) && (
              <Container
                header={
                  <Header variant="h2" description={t('seller.counterNotice.statementsHelp')}>
                    {t('seller.counterNotice.statements')}
                  </Header>
                }
              >
                <SpaceBetween size="l">
                  {texts.isPending || texts.isError || (texts.data?.length ?? 0) > 0 ? (
                    <StatutoryStatements
                      texts={texts}
                      agreed={agreed}
                      onChange={setAgreed}
                      errors={Object.fromEntries(fields.map((field) => [field, fieldError(field)]))}
                    />
                  ) : null}
                  {withSignature && (
                    <FormField
                      label={t('portal.notice.signature')}
                      description={t(
                        us
                          ? 'seller.counterNotice.signatureHelp'
                          : 'seller.counterNotice.signatureOptional',
                      )}
                      errorText={fieldError('signature') ?? fieldError('signature.fullName')}
                    >
                      <Input
                        value={fullName}
                        autoComplete="name"
                        onChange={({ detail }) => setFullName(detail.value)}
                      />
                    </FormField>
                  )}
                </SpaceBetween>
              </Container>
            )}
            {cn && (
              <Box variant="small" color="text-body-secondary">
                {t('seller.counterNotice.cnNoSignature')}
              </Box>
            )}
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
