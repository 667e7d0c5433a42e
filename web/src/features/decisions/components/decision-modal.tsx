import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { CaseDecision } from '../../../api/contract.ts';
import { useDecisionForm } from '../use-decision-form.ts';
import { DecisionFormBody } from './decision-form-body.tsx';

/**
 * The confirmation a keyboard decision (a / r / i in the queue) opens: nothing is sent until the
 * reviewer has chosen a reason code, written the reasons and confirmed.
 */
export function DecisionModal(props: {
  caseId: string;
  listing: string;
  decision: CaseDecision;
  onClose: () => void;
  onDecided: (status: string) => void;
}) {
  const { t } = useTranslation();
  const form = useDecisionForm(props.caseId, props.decision);
  return (
    <Modal
      visible
      size="large"
      onDismiss={props.onClose}
      header={t(`decision.confirm.${props.decision}`, { listing: props.listing })}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="primary"
              loading={form.decide.isPending}
              onClick={() => form.submit(props.onDecided)}
            >
              {t(`decision.submit.${props.decision}`)}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <DecisionFormBody
        form={form}
        decisions={[props.decision]}
        listing={props.listing}
        idPrefix="modal"
      />
    </Modal>
  );
}
