/**
 * The single table's key schema and indexes: the one definition both the CDK stateful stack and the
 * local cloud's DynamoDB Local create the table from.
 *
 * Key design (single table):
 * - `pk`/`sk`: the item's identity, e.g. `CASE#<id>` / `CASE`, `CASE#<id>` / `EVENT#<at>#<seq>`.
 * - `gsi1pk`/`gsi1sk`: a party's own items, newest first (e.g. `RH#<id>` / `NOTICE#<createdAt>`).
 * - `gsi2pk`/`gsi2sk`: work queues, most urgent first (e.g. `QUEUE#standard` / `<dueAt>#<caseId>`).
 * - `gsi3`..`gsi6`: case search (GET /v1/cases), newest first: by rights holder, by status, by
 *   listing, by day of filing (see adapters/keys.ts).
 * - `ttl`: epoch seconds after which DynamoDB may delete an item (idempotency records).
 */

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: readonly IndexDefinition[];
  timeToLiveAttribute: string;
}

export const tableDefinition: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
    },
    ...(['gsi3', 'gsi4', 'gsi5', 'gsi6'] as const).map((indexName) => ({
      indexName,
      partitionKey: { name: `${indexName}pk`, type: 'S' as const },
      sortKey: { name: `${indexName}sk`, type: 'S' as const },
    })),
  ],
  timeToLiveAttribute: 'ttl',
};
