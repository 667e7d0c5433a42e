import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../api/contract.ts';
import { DateTime } from '../../../components/date-time.tsx';
import { labelOf } from '../../../lib/labels.ts';

const dash = (value: unknown) =>
  value === undefined || value === null || value === '' ? '—' : String(value);

/** The listing and the IP right it is said to infringe. */
export function ListingAndRight(props: { file: CaseFile }) {
  const { t, i18n } = useTranslation();
  const { file } = props;
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  const listing = file.listing;
  const url = listing.url;
  return (
    <Container header={<Header variant="h2">{t('case.listingAndRight')}</Header>}>
      <KeyValuePairs
        columns={2}
        items={[
          {
            label: t('case.listing'),
            value: listing.title ?? file.listingId,
          },
          { label: t('case.listingId'), value: file.listingId },
          {
            label: t('case.listingUrl'),
            value: url ? (
              <Link href={url} external>
                {url}
              </Link>
            ) : (
              '—'
            ),
          },
          { label: t('case.listingStatus'), value: dash(listing.status) },
          { label: t('case.listedAt'), value: <DateTime value={listing.createdAt ?? undefined} /> },
          { label: t('case.ipRight'), value: dash(file.ipRight?.title) },
          { label: t('case.ipRightKind'), value: label('ipRightKinds', file.ipRight?.kind) },
          { label: t('case.registrationNumber'), value: dash(file.ipRight?.registrationNumber) },
          { label: t('case.jurisdiction'), value: label('jurisdictions', file.jurisdiction) },
          {
            label: t('case.infringementType'),
            value: label(
              'infringementTypes',
              file.notice?.infringementType ?? file.infringementType,
            ),
          },
        ]}
      />
    </Container>
  );
}

/**
 * Who complained, and how accurate their past notices were; for an own-initiative case, whose
 * right the platform protected (it filed no notice, so it has no accuracy to weigh).
 */
export function Parties(props: { file: CaseFile }) {
  const { t, i18n } = useTranslation();
  const { file } = props;
  const rh = file.rightsHolder;
  const accuracy = rh?.standing?.accuracy;
  const ownInitiative = file.source === 'own_initiative';
  const percent = (value: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(value);
  const notifierStanding = [
    {
      label: t('case.accuracy'),
      value:
        accuracy === undefined
          ? '—'
          : accuracy === null
            ? t('case.noDecidedNotices')
            : `${percent(accuracy)} (${t('case.decidedCount', { count: rh?.standing?.decided ?? 0 })})`,
    },
    {
      label: t('case.fastLane'),
      value: rh?.standing ? (rh.standing.fastLane ? t('common.yes') : t('common.no')) : '—',
    },
  ];
  return (
    <Container header={<Header variant="h2">{t('case.parties')}</Header>}>
      <KeyValuePairs
        columns={2}
        items={[
          {
            label: ownInitiative ? t('case.rightOwner') : t('case.rightsHolder'),
            value: rh?.legalName ?? file.notifier?.name ?? file.notifier?.rightsHolderId ?? '—',
          },
          { label: t('case.country'), value: dash(rh?.country) },
          ...(ownInitiative ? [] : notifierStanding),
          { label: t('case.seller'), value: dash(file.seller?.sellerId ?? file.sellerId) },
          {
            label: t('case.sellerMeasure'),
            value: labelOf(t, (k) => i18n.exists(k), 'measures', file.seller?.measure),
          },
          { label: t('case.activeStrikes'), value: dash(file.seller?.activeStrikes.length) },
          {
            label: t('case.priorCases'),
            value: file.seller?.priorCases?.length ? (
              <ul>
                {file.seller.priorCases.map((prior) => (
                  <li key={prior.caseId}>
                    <Link href={`/cases/${encodeURIComponent(prior.caseId)}`}>{prior.caseId}</Link>{' '}
                    · {labelOf(t, (k) => i18n.exists(k), 'statuses', prior.status)} ·{' '}
                    <DateTime value={prior.at} />
                  </li>
                ))}
              </ul>
            ) : file.seller ? (
              t('case.none')
            ) : (
              '—'
            ),
          },
        ]}
      />
    </Container>
  );
}
