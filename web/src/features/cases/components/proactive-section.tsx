import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
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
 * screening, the rule that matched and its version, whether detection and decision were
 * automated (DSA Art 17(3)(c)), and the human audit of an automated decision while it is open.
 */
export function ProactiveSection(props: { file: CaseFile }) {
  const { t } = useTranslation();
  const { file } = props;
  const verdict = screeningVerdict(file);
  const decidedBy = !file.decision
    ? t('case.proactive.decisionPending')
    : file.decision.automated
      ? t('case.proactive.decisionAutomated')
      : t('case.proactive.decisionHuman');
  return (
    <Container
      header={
        <Header variant="h2" description={t('case.proactive.description')}>
          {t('case.proactive.title')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        <Alert type="info">{t('case.proactive.found')}</Alert>
        <KeyValuePairs
          columns={2}
          items={[
            { label: t('case.source'), value: t('sources.own_initiative') },
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
              value: verdict
                ? t(`case.proactive.verdicts.${verdict}`, { defaultValue: verdict })
                : '—',
            },
            { label: t('case.proactive.detection'), value: t('case.proactive.detectionAutomated') },
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
