import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { useTranslation } from 'react-i18next';
import { reasonLabel, useReasonCodes } from '../api/reason-codes.ts';
import { type DecisionKind, outcomeKeys } from '../decisions.ts';
import type { DecisionDraft } from '../draft.ts';

/**
 * What each party will read once the decision is recorded: the outcome, the reason's label and
 * the reasons. The internal note is never part of it. An own-initiative case has no notifier: the
 * owner of the IP right is told nothing, and the preview says so.
 */
export function PartyPreview(props: {
  draft: DecisionDraft;
  listing: string;
  kind?: DecisionKind;
  ownInitiative?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const codes = useReasonCodes();
  const code = codes.data?.find((c) => c.code === props.draft.reasonCode);
  const reason = code ? reasonLabel(code, i18n.language) : props.draft.reasonCode;
  const outcome = outcomeKeys(
    props.kind ?? 'review',
    props.ownInitiative ?? false,
    props.draft.decision,
  );
  const body = (key: string) => (
    <Box>
      <Box variant="p">{t(key, { listing: props.listing })}</Box>
      <Box variant="p">
        <strong>{t('decision.preview.reason')}</strong> {reason || '—'}
      </Box>
      <Box variant="p" className="evidence-text">
        {props.draft.reasons.trim() || t('decision.preview.noReasons')}
      </Box>
    </Box>
  );
  return (
    <Container
      header={
        <Header variant="h3" description={t('decision.preview.description')}>
          {t('decision.preview.title')}
        </Header>
      }
    >
      <ColumnLayout columns={2} variant="text-grid">
        <div>
          <Box variant="awsui-key-label">
            {props.ownInitiative
              ? t('decision.preview.rightOwner')
              : t('decision.preview.rightsHolder')}
          </Box>
          {outcome.rightsHolder ? (
            body(outcome.rightsHolder)
          ) : (
            <Box variant="p">{t('decision.preview.noNotifier')}</Box>
          )}
        </div>
        <div>
          <Box variant="awsui-key-label">{t('decision.preview.seller')}</Box>
          {body(outcome.seller)}
        </div>
      </ColumnLayout>
    </Container>
  );
}
