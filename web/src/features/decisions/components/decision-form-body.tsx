import SpaceBetween from '@cloudscape-design/components/space-between';
import type { CaseDecision } from '../../../api/contract.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import type { useDecisionForm } from '../use-decision-form.ts';
import { DECISION_FIELDS, DecisionFields } from './decision-fields.tsx';
import { PartyPreview } from './party-preview.tsx';

/** The fields of a decision, the API's refusal if any, and what each party will be told. */
export function DecisionFormBody(props: {
  form: ReturnType<typeof useDecisionForm>;
  decisions: readonly CaseDecision[];
  listing: string;
  idPrefix: string;
}) {
  const { form } = props;
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
        error={form.decide.error}
        showRequired={form.tried}
      />
      <PartyPreview draft={form.draft} listing={props.listing} />
    </SpaceBetween>
  );
}
