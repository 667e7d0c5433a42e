import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { QUEUES } from '../../../api/contract.ts';
import { INFRINGEMENT_TYPES, JURISDICTIONS, type QueueSearch } from '../search-params.ts';

/** Narrow the queue: by queue, jurisdiction and infringement type (all by default). */
export function QueueFilters(props: {
  search: QueueSearch;
  onChange: (search: QueueSearch) => void;
}) {
  const { t } = useTranslation();
  const all = (label: string): SelectProps.Option => ({ value: '', label });
  const select = (
    id: keyof QueueSearch,
    label: string,
    allLabel: string,
    values: readonly string[],
    group: string,
  ) => {
    const options = [
      all(allLabel),
      ...values.map((v) => ({ value: v, label: t(`${group}.${v}`) })),
    ];
    const current = options.find((o) => o.value === (props.search[id] ?? '')) ?? options[0]!;
    return (
      <Select
        ariaLabel={label}
        selectedOption={current}
        options={options}
        onChange={({ detail }) => {
          const next = { ...props.search } as Record<string, string | undefined>;
          if (detail.selectedOption.value) next[id] = detail.selectedOption.value;
          else delete next[id];
          props.onChange(next as QueueSearch);
        }}
      />
    );
  };
  return (
    <SpaceBetween direction="horizontal" size="xs">
      {select('queue', t('queue.filters.queue'), t('queue.filters.allQueues'), QUEUES, 'queues')}
      {select(
        'jurisdiction',
        t('queue.filters.jurisdiction'),
        t('queue.filters.allJurisdictions'),
        JURISDICTIONS,
        'jurisdictions',
      )}
      {select(
        'infringementType',
        t('queue.filters.infringementType'),
        t('queue.filters.allTypes'),
        INFRINGEMENT_TYPES,
        'infringementTypes',
      )}
    </SpaceBetween>
  );
}
