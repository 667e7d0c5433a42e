import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import { useTranslation } from 'react-i18next';
import type { CaseDecision } from '../../../api/contract.ts';
import { useFlash } from '../../../components/flash.tsx';
import { DecisionFormBody, useDecisionForm } from '../../decisions/index.ts';

/** The decision form of a case that awaits one, with what each party will be told. */
export function DecisionPanel(props: {
  caseId: string;
  listing: string;
  decisions: CaseDecision[];
}) {
  const { t } = useTranslation();
  const flash = useFlash();
  const form = useDecisionForm(props.caseId, props.decisions[0]!);
  const onDecided = (status: string) =>
    flash.push({
      type: 'success',
      content: t('decision.recorded', {
        listing: props.listing,
        status: t(`statuses.${status}`, { defaultValue: status }),
      }),
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(onDecided);
      }}
    >
      <Form
        actions={
          <Button variant="primary" formAction="submit" loading={form.decide.isPending}>
            {t(`decision.submit.${form.draft.decision}`)}
          </Button>
        }
      >
        <Container header={<Header variant="h2">{t('decision.title')}</Header>}>
          <DecisionFormBody
            form={form}
            decisions={props.decisions}
            listing={props.listing}
            idPrefix="case"
          />
        </Container>
      </Form>
    </form>
  );
}
