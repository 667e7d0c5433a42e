import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import { useTranslation } from 'react-i18next';
import { useFlash } from '../../../components/flash.tsx';
import { DecisionFormBody, type PendingDecision, useDecisionForm } from '../../decisions/index.ts';

/** The decision form of a case that awaits one, with what each party will be told. */
export function DecisionPanel(props: {
  caseId: string;
  listing: string;
  pending: PendingDecision;
}) {
  const { t } = useTranslation();
  const flash = useFlash();
  const { kind, decisions, ownInitiative } = props.pending;
  const form = useDecisionForm(props.caseId, decisions[0]!);
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
        <Container
          header={
            <Header
              variant="h2"
              description={
                kind === 'proactive_review' || kind === 'audit'
                  ? t(`decision.${kind}.description`)
                  : undefined
              }
            >
              {t(
                kind === 'proactive_review' || kind === 'audit'
                  ? `decision.${kind}.title`
                  : 'decision.title',
              )}
            </Header>
          }
        >
          <DecisionFormBody
            form={form}
            decisions={decisions}
            listing={props.listing}
            idPrefix="case"
            kind={kind}
            ownInitiative={ownInitiative}
          />
        </Container>
      </Form>
    </form>
  );
}
