import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import Tiles from '@cloudscape-design/components/tiles';
import Wizard from '@cloudscape-design/components/wizard';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InfringementType } from '../../../api/contract.ts';
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
import { EvidenceField, type EvidenceUploads, useEvidenceUploads } from '../../uploads/index.ts';
import { type NoticeAttempt, useFileNotice, useIpRights } from '../api/portal.ts';
import { ManifestField } from '../components/manifest-field.tsx';
import { NoticeProblem } from '../components/notice-problem.tsx';
import { MAX_LISTINGS, parseListings } from '../listings.ts';
import { MAX_MANIFEST_ROWS } from '../manifest.ts';

/** Which complaints each kind of right supports (a counterfeit is a trademark complaint). */
const TYPES_FOR_KIND: Record<string, InfringementType[]> = {
  trademark: ['counterfeit', 'trademark'],
  copyright: ['copyright'],
  patent: ['patent'],
  design: ['design'],
};

/**
 * Files a notice in five steps: the IP right relied on, the listings (ids or URLs pasted, or a
 * manifest file of up to 10,000 for a bulk notice, uploaded and sealed like evidence), the
 * explanation and evidence (hashed in the browser, uploaded with progress), the statutory
 * statements and signature, and a review before sending. The form holds one Idempotency-Key, so
 * a double click or a retry files once.
 */
export function FileNoticePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const rights = useIpRights();
  const fileNotice = useFileNotice();
  // The attempt's key and signing time: a second click (or a retry after a lost answer) sends the
  // same body with the same key, so the service files once and answers the same; a body edited
  // after a lost answer goes with the same key too, and the service refuses it (409) rather than
  // filing a second notice.
  const attempt = useRef<{ idempotencyKey: string; signedAt: string } | undefined>(undefined);
  const inFlight = useRef(false);
  const evidence = useEvidenceUploads();
  const testBuyReport = useEvidenceUploads();
  const manifest = useEvidenceUploads({ purpose: 'manifest' });
  const [listingSource, setListingSource] = useState<'paste' | 'manifest'>('paste');
  const [step, setStep] = useState(0);
  const [ipRightId, setIpRightId] = useState<string>();
  const [type, setType] = useState<InfringementType>();
  const [listingText, setListingText] = useState('');
  const [explanation, setExplanation] = useState('');
  const [orderId, setOrderId] = useState('');
  const [agreed, setAgreed] = useState<Set<string>>(new Set());
  const [fullName, setFullName] = useState('');
  const [stepError, setStepError] = useState<string>();
  const right = rights.data?.find((r) => r.ipRightId === ipRightId);
  const texts = useLegalTexts(right?.jurisdiction, 'notice');
  const listings = useMemo(() => parseListings(listingText), [listingText]);
  const types = right ? (TYPES_FOR_KIND[right.kind] ?? []) : [];
  const statementFields = agreementFields(texts.data);

  if (rights.isPending) return <LoadingState />;
  if (rights.isError) return <ProblemAlert error={rights.error} />;

  const rightOptions = rights.data.map((r) => ({
    value: r.ipRightId,
    label: r.title,
    description: `${t(`ipRightKinds.${r.kind}`)} · ${t(`jurisdictions.${r.jurisdiction}`)}${r.registrationNumber ? ` · ${r.registrationNumber}` : ''}`,
    labelTag: t(`verification.statuses.${r.status}`),
    disabled: r.status !== 'verified',
  }));
  const typeOptions = types.map((ty) => ({ value: ty, label: t(`infringementTypes.${ty}`) }));

  /** What keeps the user on a step, or undefined when it is complete. */
  const problemOf = (index: number): string | undefined => {
    if (index === 0) return !right || !type ? t('portal.notice.errors.right') : undefined;
    if (index === 1 && listingSource === 'manifest') {
      if (manifest.busy) return t('portal.notice.errors.manifestUploading');
      if (manifest.sealedIds.length === 0) return t('portal.notice.errors.noManifest');
      return undefined;
    }
    if (index === 1) {
      if (listings.invalid.length)
        return t('portal.notice.errors.invalidListings', { entries: listings.invalid.join(', ') });
      if (listings.ids.length === 0) return t('portal.notice.errors.noListings');
      if (listings.ids.length > MAX_LISTINGS)
        return t('portal.notice.errors.tooManyListings', { max: MAX_LISTINGS });
      return undefined;
    }
    if (index === 2) {
      if (!explanation.trim()) return t('portal.notice.errors.explanation');
      if (evidence.busy || testBuyReport.busy) return t('portal.notice.errors.uploading');
      if (orderId.trim() && testBuyReport.sealedIds.length === 0)
        return t('portal.notice.errors.testBuyReport');
      return undefined;
    }
    if (index === 3) {
      if (statementFields.length === 0 || statementFields.some((field) => !agreed.has(field)))
        return t('portal.notice.errors.statements');
      if (fullName.trim().length < 2) return t('portal.notice.errors.signature');
    }
    return undefined;
  };

  const submit = () => {
    if (!right || !type || inFlight.current) return;
    attempt.current ??= {
      idempotencyKey: crypto.randomUUID(),
      signedAt: new Date().toISOString(),
    };
    const filing: NoticeAttempt = {
      idempotencyKey: attempt.current.idempotencyKey,
      body: {
        ipRightId: right.ipRightId,
        infringementType: type,
        jurisdiction: right.jurisdiction,
        ...(listingSource === 'manifest'
          ? { listingsManifestEvidenceId: manifest.sealedIds[0]! }
          : { listings: listings.entries }),
        explanation: explanation.trim(),
        evidenceIds: evidence.sealedIds,
        ...(orderId.trim() && testBuyReport.sealedIds[0]
          ? { testBuy: { orderId: orderId.trim(), reportEvidenceId: testBuyReport.sealedIds[0] } }
          : {}),
        ...(agreementBody(statementFields) as Pick<NoticeAttempt['body'], 'statements'>),
        signature: { fullName: fullName.trim(), signedAt: attempt.current.signedAt },
      },
    };
    inFlight.current = true;
    fileNotice.mutate(filing, {
      onSettled: () => {
        inFlight.current = false;
      },
      onError: (error) => {
        // Refused (nothing filed): a corrected notice is a new attempt with a new key. A network
        // failure or a 5xx keeps the attempt, so a retry cannot file twice.
        if (error instanceof ApiProblem && error.status >= 400 && error.status < 500)
          attempt.current = undefined;
      },
      onSuccess: (filed) => {
        flash.push({
          type: 'success',
          content:
            filed.status === 'fanning_out'
              ? t('portal.notice.filedBulk', { id: filed.noticeId })
              : t('portal.notice.filed', { count: filed.cases.length, id: filed.noticeId }),
        });
        void navigate({ to: '/portal/cases', search: { noticeId: filed.noticeId } });
      },
    });
  };

  return (
    <Wizard
      activeStepIndex={step}
      isLoadingNextStep={fileNotice.isPending}
      submitButtonText={t('portal.notice.submit')}
      onCancel={() => void navigate({ to: '/portal' })}
      onSubmit={submit}
      onNavigate={({ detail }) => {
        if (detail.requestedStepIndex > step) {
          for (let i = step; i < detail.requestedStepIndex; i++) {
            const problem = problemOf(i);
            if (problem) {
              setStep(i);
              setStepError(problem);
              return;
            }
          }
        }
        setStepError(undefined);
        setStep(detail.requestedStepIndex);
      }}
      steps={[
        {
          title: t('portal.notice.steps.right'),
          description: t('portal.notice.steps.rightHelp'),
          errorText: step === 0 ? stepError : undefined,
          content: (
            <Container key="step-right">
              <SpaceBetween size="m">
                <FormField label={t('case.ipRight')}>
                  <Select
                    selectedOption={rightOptions.find((o) => o.value === ipRightId) ?? null}
                    options={rightOptions}
                    placeholder={t('portal.notice.chooseRight')}
                    empty={t('portal.notice.noRights')}
                    onChange={({ detail }) => {
                      setIpRightId(detail.selectedOption.value);
                      const kind = rights.data.find(
                        (r) => r.ipRightId === detail.selectedOption.value,
                      )?.kind;
                      setType(TYPES_FOR_KIND[kind ?? '']?.[0]);
                      setAgreed(new Set());
                    }}
                  />
                </FormField>
                <FormField label={t('case.infringementType')}>
                  <Select
                    selectedOption={typeOptions.find((o) => o.value === type) ?? null}
                    options={typeOptions}
                    placeholder={t('portal.notice.chooseType')}
                    disabled={!right}
                    onChange={({ detail }) =>
                      setType(detail.selectedOption.value as InfringementType)
                    }
                  />
                </FormField>
                {right && (
                  <Box>
                    {t('portal.notice.lawApplied', {
                      jurisdiction: t(`jurisdictions.${right.jurisdiction}`),
                    })}
                  </Box>
                )}
              </SpaceBetween>
            </Container>
          ),
        },
        {
          title: t('portal.notice.steps.listings'),
          description: t('portal.notice.steps.listingsHelp', {
            max: MAX_LISTINGS,
            rows: new Intl.NumberFormat(i18n.language).format(MAX_MANIFEST_ROWS),
          }),
          errorText: step === 1 ? stepError : undefined,
          content: (
            <Container key="step-listings">
              <SpaceBetween size="m">
                <FormField label={t('portal.notice.source.label')}>
                  <Tiles
                    value={listingSource}
                    ariaLabel={t('portal.notice.source.label')}
                    onChange={({ detail }) =>
                      setListingSource(detail.value === 'manifest' ? 'manifest' : 'paste')
                    }
                    items={[
                      {
                        value: 'paste',
                        label: t('portal.notice.source.paste'),
                        description: t('portal.notice.source.pasteHelp', { max: MAX_LISTINGS }),
                      },
                      {
                        value: 'manifest',
                        label: t('portal.notice.source.manifest'),
                        description: t('portal.notice.source.manifestHelp', {
                          max: new Intl.NumberFormat(i18n.language).format(MAX_MANIFEST_ROWS),
                        }),
                      },
                    ]}
                  />
                </FormField>
                {listingSource === 'manifest' ? (
                  <ManifestField uploads={manifest} />
                ) : (
                  <>
                    <FormField
                      label={t('portal.notice.listings')}
                      description={t('portal.notice.listingsHelp')}
                    >
                      <Textarea
                        rows={6}
                        value={listingText}
                        placeholder={'lst-123\nhttps://marketplace.example/listings/lst-456'}
                        onChange={({ detail }) => setListingText(detail.value)}
                      />
                    </FormField>
                    <Box aria-live="polite">
                      {t('portal.notice.listingsRecognised', { count: listings.ids.length })}
                    </Box>
                    {listings.invalid.length > 0 && (
                      <Alert type="warning">
                        {t('portal.notice.errors.invalidListings', {
                          entries: listings.invalid.join(', '),
                        })}
                      </Alert>
                    )}
                  </>
                )}
              </SpaceBetween>
            </Container>
          ),
        },
        {
          title: t('portal.notice.steps.evidence'),
          description: t('portal.notice.steps.evidenceHelp'),
          errorText: step === 2 ? stepError : undefined,
          content: (
            <SpaceBetween key="step-evidence" size="l">
              <Container>
                <SpaceBetween size="m">
                  <FormField
                    label={t('portal.notice.explanation')}
                    description={t('portal.notice.explanationHelp')}
                  >
                    <Textarea
                      rows={5}
                      value={explanation}
                      onChange={({ detail }) => setExplanation(detail.value)}
                    />
                  </FormField>
                  <EvidenceField
                    label={t('portal.notice.evidence')}
                    description={t('portal.notice.evidenceHelp')}
                    uploads={evidence}
                    chooseLabel={t('portal.notice.chooseEvidence')}
                  />
                </SpaceBetween>
              </Container>
              <Container
                header={
                  <Header variant="h3" description={t('portal.notice.testBuyHelp')}>
                    {t('portal.notice.testBuy')}
                  </Header>
                }
              >
                <SpaceBetween size="m">
                  <FormField label={t('portal.notice.orderId')}>
                    <Input value={orderId} onChange={({ detail }) => setOrderId(detail.value)} />
                  </FormField>
                  {orderId.trim() !== '' && (
                    <EvidenceField
                      label={t('portal.notice.testBuyReport')}
                      uploads={testBuyReport}
                      multiple={false}
                      chooseLabel={t('portal.notice.chooseReport')}
                    />
                  )}
                </SpaceBetween>
              </Container>
            </SpaceBetween>
          ),
        },
        {
          title: t('portal.notice.steps.statements'),
          description: t('portal.notice.steps.statementsHelp'),
          errorText: step === 3 ? stepError : undefined,
          content: (
            <Container key="step-statements">
              <SpaceBetween size="l">
                <StatutoryStatements texts={texts} agreed={agreed} onChange={setAgreed} />
                <FormField
                  label={t('portal.notice.signature')}
                  description={t('portal.notice.signatureHelp')}
                >
                  <Input
                    value={fullName}
                    autoComplete="name"
                    onChange={({ detail }) => setFullName(detail.value)}
                  />
                </FormField>
              </SpaceBetween>
            </Container>
          ),
        },
        {
          title: t('portal.notice.steps.review'),
          description: t('portal.notice.steps.reviewHelp'),
          content: (
            <SpaceBetween key="step-review" size="l">
              {fileNotice.isError && <NoticeProblem error={fileNotice.error} />}
              <Container header={<Header variant="h2">{t('portal.notice.steps.review')}</Header>}>
                <KeyValuePairs
                  columns={2}
                  items={[
                    { label: t('case.ipRight'), value: right?.title ?? '—' },
                    {
                      label: t('case.infringementType'),
                      value: type ? t(`infringementTypes.${type}`) : '—',
                    },
                    {
                      label: t('case.jurisdiction'),
                      value: right ? t(`jurisdictions.${right.jurisdiction}`) : '—',
                    },
                    listingSource === 'manifest'
                      ? {
                          label: t('portal.notice.manifest.label'),
                          value: <SealedFiles uploads={manifest} />,
                        }
                      : {
                          label: t('portal.notice.listingsCount', { count: listings.ids.length }),
                          value: (
                            <ul className="plain-list">
                              {listings.ids.map((id) => (
                                <li key={id}>{id}</li>
                              ))}
                            </ul>
                          ),
                        },
                    {
                      label: t('portal.notice.explanation'),
                      value: <span className="evidence-text">{explanation}</span>,
                    },
                    {
                      label: t('portal.notice.evidenceCount', { count: evidence.sealedIds.length }),
                      value: <SealedFiles uploads={evidence} />,
                    },
                    ...(orderId.trim()
                      ? [{ label: t('portal.notice.orderId'), value: orderId.trim() }]
                      : []),
                    {
                      label: t('portal.notice.statementsAgreed'),
                      value: (
                        <ul className="plain-list">
                          {texts.data
                            ?.filter((text) => text.field && agreed.has(text.field))
                            .map((text) => (
                              <li key={text.key}>{text.text}</li>
                            ))}
                        </ul>
                      ),
                    },
                    { label: t('portal.notice.signature'), value: fullName },
                  ]}
                />
              </Container>
            </SpaceBetween>
          ),
        },
      ]}
    />
  );
}

/** The sealed files of an uploader, each with its SHA-256, for the review step. */
function SealedFiles(props: { uploads: EvidenceUploads }) {
  return (
    <ul className="plain-list">
      {props.uploads.uploads
        .filter((u) => u.status === 'sealed')
        .map((u) => (
          <li key={u.id}>
            {u.file.name} <span className="digest">{u.sha256}</span>
          </li>
        ))}
    </ul>
  );
}
