import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { CaseDecision } from '../../../api/contract.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type DecisionKind, decisionLabelKey } from '../decisions.ts';
import type { useDecisionForm } from '../use-decision-form.ts';
import { DECISION_FIELDS, DecisionFields } from './decision-fields.tsx';
import { PartyPreview } from './party-preview.tsx';

/** The fields of a decision, the API's refusal if any, and what each party will be told. */
export function DecisionFormBody(props: {
  form: ReturnType<typeof useDecisionForm>;
  decisions: readonly CaseDecision[];
  listing: string;
  idPrefix: string;
  /** What the decision decides (default: a notice's review). */
  kind?: DecisionKind;
  ownInitiative?: boolean;
}) {
  const { t } = useTranslation();
  const { form } = props;
  const kind = props.kind ?? 'review';
  return (
    <SpaceBetween size="l">
      {form.decide.isError && (
        <ProblemAlert error={form.decide.error} shownFields={DECISION_FIELDS} />
      )}
      <DecisionFields
        idPrefix={props.idPrefix}
        decisions={props.decisions}
        draft={form.draft}
        onChange={form.setDraft}
        decisionLabel={(decision) => t(decisionLabelKey(kind, decision))}
        {...(kind === 'audit'
          ? { reasonsHelp: t('decision.audit.reasonsHelp') }
          : props.ownInitiative
            ? { reasonsHelp: t('decision.reasonsHelpSeller') }
            : {})}
        error={form.decide.error}
        showRequired={form.tried}
      />
      <PartyPreview
        draft={form.draft}
        listing={props.listing}
        kind={kind}
        ownInitiative={props.ownInitiative ?? false}
      />
    </SpaceBetween>
  );
}
