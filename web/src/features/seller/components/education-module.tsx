import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useAcknowledgeEducation } from '../api/seller.ts';

const LESSONS = ['rights', 'counterfeits', 'copyright', 'listings', 'contest', 'ladder'] as const;

/**
 * The IP-education notice a first strike requires (the ladder's warning rung): what IP rights
 * are, how to list safely, how to contest, what repeat infringement brings; read, then
 * acknowledged (POST /v1/sellers/me/education-acknowledgement).
 */
export function EducationModule(props: { required: boolean; acknowledgedAt?: string }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeEducation();
  const [read, setRead] = useState(false);
  return (
    <Container
      header={
        <Header variant="h2" description={t('seller.education.description')}>
          {t('seller.education.title')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        <ol className="education">
          {LESSONS.map((lesson) => (
            <li key={lesson}>
              <Box variant="h3" tagOverride="h3">
                {t(`seller.education.lessons.${lesson}.title`)}
              </Box>
              <Box variant="p">{t(`seller.education.lessons.${lesson}.body`)}</Box>
            </li>
          ))}
        </ol>
        {props.required ? (
          <SpaceBetween size="s">
            {acknowledge.isError && <ProblemAlert error={acknowledge.error} />}
            <Checkbox checked={read} onChange={({ detail }) => setRead(detail.checked)}>
              {t('seller.education.confirm')}
            </Checkbox>
            <Button
              variant="primary"
              disabled={!read}
              loading={acknowledge.isPending}
              onClick={() => acknowledge.mutate()}
            >
              {t('seller.education.acknowledge')}
            </Button>
          </SpaceBetween>
        ) : (
          <Alert type="success">
            {t('seller.education.acknowledged')} <DateTime value={props.acknowledgedAt} />
          </Alert>
        )}
      </SpaceBetween>
    </Container>
  );
}
