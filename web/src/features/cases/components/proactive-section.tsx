import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, {
  type KeyValuePairsProps,
} from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../api/contract.ts';
import { DateTime } from '../../../components/date-time.tsx';

/** The verdict the screening gave (its `screened` event), to tell a takedown rule from a flag. */
function screeningVerdict(file: CaseFile): string | undefined {
  const screened = file.timeline.find((event) => event.type === 'screened');
  const verdict = screened?.detail.verdict;
  return typeof verdict === 'string' ? verdict : undefined;
}

/**
 * How an own-initiative case came about, in place of a notice: the platform's proactive
 * screening (the rule that matched and its version, the verdict) or a mystery test buy (its
 * order), whether detection and decision were automated (DSA Art 17(3)(c)), and the human audit
 * of an automated decision while it is open.
 */
export function ProactiveSection(props: { file: CaseFile }) {
  const { t } = useTranslation();
  const { file } = props;
  const byTestBuy = file.foundBy === 'test_buy';
  const group = byTestBuy ? 'case.testBuyOrigin' : 'case.proactive';
  const verdict = screeningVerdict(file);
  const testBuy =
    file.testBuys.find((buy) => buy.ownInitiativeCaseId === file.caseId) ?? file.testBuys[0];
  const decidedBy = !file.decision
    ? t('case.proactive.decisionPending')
    : file.decision.automated
      ? t('case.proactive.decisionAutomated')
      : t('case.proactive.decisionHuman');
  const origin: KeyValuePairsProps.Item[] = byTestBuy
    ? [
        {
          label: t('case.testBuyOrigin.order'),
          value: testBuy ? (
            <>
              {testBuy.orderId} · <DateTime value={testBuy.orderedAt} />
            </>
          ) : (
            t('case.notInFile')
          ),
        },
        { label: t('case.proactive.detection'), value: t('case.testBuyOrigin.detection') },
      ]
    : [
        {
          label: t('case.proactive.rule'),
          value: file.screening
            ? t('case.proactive.ruleVersion', {
                ruleId: file.screening.ruleId,
                version: file.screening.ruleVersion,
              })
            : t('case.notInFile'),
        },
        {
          label: t('case.proactive.verdict'),
          value: verdict ? t(`case.proactive.verdicts.${verdict}`, { defaultValue: verdict }) : '—',
        },
        { label: t('case.proactive.detection'), value: t('case.proactive.detectionAutomated') },
      ];
  return (
    <Container
      header={
        <Header variant="h2" description={t(`${group}.description`)}>
          {t(`${group}.title`)}
        </Header>
      }
    >
      <SpaceBetween size="m">
        <Alert type="info">{t(`${group}.found`)}</Alert>
        <KeyValuePairs
          columns={2}
          items={[
            { label: t('case.source'), value: t('sources.own_initiative') },
            ...origin,
            { label: t('case.proactive.decisionBy'), value: decidedBy },
            {
              label: t('case.proactive.audit'),
              value: file.audit ? (
                <>
                  {t('case.proactive.auditOpen')} <DateTime value={file.audit.dueAt} />
                </>
              ) : (
                t('case.proactive.auditNone')
              ),
            },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}
