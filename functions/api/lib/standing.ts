import { decidedCaseCounts } from '../../adapters/registry-store.ts';
import type { StandingView } from './case-file-view.ts';

/**
 * A rights holder's standing as reviewers see it: accuracy = upheld ÷ (upheld + rejected +
 * restored) over its decided cases (null when none is decided), the fast lane, and any misuse
 * suspension. Counted from the cases until standing is kept as the work happens.
 */
export async function standingOf(
  rightsHolderId: string,
  suspendedUntil: string | undefined,
): Promise<StandingView> {
  const counts = await decidedCaseCounts(rightsHolderId);
  const decided = counts.upheld + counts.rejected + counts.restored;
  return {
    accuracy: decided === 0 ? null : counts.upheld / decided,
    decided,
    ...counts,
    fastLane: false,
    misuse: suspendedUntil ? { suspendedUntil } : {},
  };
}
