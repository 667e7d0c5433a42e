import { getItem } from '../adapters/case-store.ts';
import { keys } from '../adapters/keys.ts';
import {
  deleteEvidence,
  evidenceProvingRegisteredRights,
  legalHoldEvents,
  type Party,
  partyCases,
  partyEvidence,
  pseudonymiseParty,
  recordErasure,
} from '../adapters/retention-store.ts';
import { addDuration } from '../domain/duration.ts';
import type { Policy } from '../domain/policy.ts';
import { profileFor } from '../domain/policy.ts';
import {
  type CaseRetention,
  caseRetention,
  evidenceRetention,
  partyRetention,
  type RetentionPolicy,
  underLegalHold,
} from '../domain/retention.ts';

/** What a retention review did, and what it kept and why (recorded with the erasure). */
export interface RetentionOutcome {
  party: Party;
  /** Whether the party's contact data was pseudonymised. */
  erased: boolean;
  /** The items whose personal fields were pseudonymised. */
  pseudonymised: string[];
  deletedEvidence: string[];
  kept: { item: string; reason: string; until?: string }[];
  /** When to look again, if the contact data was kept. */
  recheckAt?: string;
}

/** The evidence each kept case cites: its notice's evidence, and its counter-notice's. */
async function evidenceCitedBy(caseIds: readonly { caseId: string; noticeId: string }[]) {
  const cited = new Set<string>();
  for (const { caseId, noticeId } of caseIds) {
    const notice = await getItem<{
      evidenceIds?: string[];
      testBuy?: { reportEvidenceId?: string };
    }>(keys.notice(noticeId));
    for (const id of notice?.evidenceIds ?? []) cited.add(id);
    if (notice?.testBuy?.reportEvidenceId) cited.add(notice.testBuy.reportEvidenceId);
    const counterNotice = await getItem<{ evidenceIds?: string[] }>(keys.counterNotice(caseId));
    for (const id of counterNotice?.evidenceIds ?? []) cited.add(id);
  }
  return cited;
}

/**
 * Applies the retention rules (functions/domain/retention.ts) to one party: the scheduled job's
 * step and an admin's erasure request alike.
 *
 * 1. Judge every case of the party: open, under legal hold, in its appeal window, or (reversed
 *    takedowns) in the wrongful-notice claim period keep the party's data; so does a rights
 *    holder's live account (an IP right still registered).
 * 2. If no case needs it, pseudonymise the party's contact data (the timeline is untouched).
 * 3. Delete the party's evidence that no kept case cites and that proves no registered IP right.
 * 4. Record what was erased and what was kept, and why.
 */
export async function applyRetention(input: {
  party: Party;
  policy: Policy;
  retention: RetentionPolicy;
  now: Date;
}): Promise<RetentionOutcome> {
  const { party, now } = input;
  const at = now.toISOString();
  const cases = await partyCases(party);
  const verdicts: CaseRetention[] = [];
  for (const record of cases) {
    verdicts.push(
      caseRetention({
        record,
        legalHold: underLegalHold(await legalHoldEvents(record.caseId)),
        appealWindow: profileFor(input.policy, record.jurisdiction).appealWindow,
        policy: input.retention,
        now,
      }),
    );
  }
  const proving = await evidenceProvingRegisteredRights(party, now);
  const verdict = partyRetention(verdicts, { accountActive: proving.size > 0 });
  const kept: RetentionOutcome['kept'] = verdict.kept.map((c) => ({
    item: c.caseId ? `case ${c.caseId}` : 'profile',
    reason: c.reason,
    ...(c.until ? { until: c.until } : {}),
  }));

  const pseudonymised = verdict.erasable
    ? await pseudonymiseParty(
        party,
        cases.map((c) => c.caseId),
        at,
      )
    : [];

  const keptCaseIds = new Set(verdict.kept.map((c) => c.caseId));
  const cited = await evidenceCitedBy(cases.filter((c) => keptCaseIds.has(c.caseId)));
  const deletedEvidence: string[] = [];
  for (const record of await partyEvidence(party)) {
    const evidenceId = record.evidenceId as string;
    if (record.status === 'erased') continue;
    const decision = evidenceRetention({
      evidenceId,
      provesRegisteredRight: proving.has(evidenceId),
      citedByKeptCase: cited.has(evidenceId),
    });
    if (decision.deletable) {
      await deleteEvidence(record, at);
      deletedEvidence.push(evidenceId);
    } else kept.push({ item: `evidence ${evidenceId}`, reason: decision.reason });
  }

  const recheckAt = verdict.erasable
    ? undefined
    : (verdict.until ?? addDuration(now, input.retention.recheck).toISOString());
  const outcome: RetentionOutcome = {
    party,
    erased: verdict.erasable,
    pseudonymised,
    deletedEvidence,
    kept,
    ...(recheckAt ? { recheckAt } : {}),
  };
  if (verdict.erasable || deletedEvidence.length > 0)
    await recordErasure(party, at, { ...outcome });
  return outcome;
}
