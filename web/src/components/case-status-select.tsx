import Select from '@cloudscape-design/components/select';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../api/contract.ts';
import { CASE_STATUSES } from '../lib/case-statuses.ts';
import { labelOf } from '../lib/labels.ts';

/** A case list's status filter: any status, or one of API.md's, in the viewer's language. */
export function CaseStatusSelect(props: {
  value: CaseStatus | undefined;
  onChange: (status: CaseStatus | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const options = [
    { value: '', label: t('search.anyStatus') },
    ...CASE_STATUSES.map((s) => ({
      value: s,
      label: labelOf(t, (k) => i18n.exists(k), 'statuses', s),
    })),
  ];
  return (
    <Select
      ariaLabel={t('search.status')}
      selectedOption={options.find((o) => o.value === (props.value ?? '')) ?? options[0]!}
      options={options}
      onChange={({ detail }) =>
        props.onChange((detail.selectedOption.value || undefined) as CaseStatus | undefined)
      }
    />
  );
}
