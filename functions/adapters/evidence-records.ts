import type { EvidenceRecord } from './evidence-store.ts';
import { keys } from './keys.ts';
import { batchGetItems } from './party-items.ts';

/**
 * Evidence records by id, in one BatchGetItem, for views that show evidence without touching S3
 * (so their functions bundle no S3 client). Ids without a record are absent from the map.
 */
export async function getEvidenceRecords(
  evidenceIds: readonly string[],
): Promise<Map<string, EvidenceRecord>> {
  const ids = [...new Set(evidenceIds)];
  if (ids.length === 0) return new Map();
  const items = await batchGetItems(
    ids.map((id) => keys.evidence(id)),
    [],
  );
  return new Map(items.map((item) => [String(item.evidenceId), item as unknown as EvidenceRecord]));
}
