import { type EvidenceRecord, getEvidence } from '../adapters/evidence-store.ts';
import { DomainRuleError } from '../domain/errors.ts';

/**
 * Refuses a citation of evidence other than the caller's own sealed evidence (API.md: every
 * `evidenceIds[]` anywhere, and a bulk notice's manifest): one issue per offending index
 * (`<path>.<i>`), which says only "no such evidence of yours" for another party's id, so existence
 * never leaks. With a `purpose` (one id, reported at `path` itself: a manifest, a test buy's
 * report), it must also have been uploaded for that purpose.
 *
 * @param owners every owner the caller's evidence may be stored under (`RH#…`, `SUB#…`, `SELLER#…`)
 * @throws DomainRuleError `evidence_not_sealed` (→ 422)
 */
export async function assertOwnSealedEvidence(
  owners: readonly string[],
  evidenceIds: readonly string[],
  path = 'evidenceIds',
  options: { purpose?: 'manifest' | 'test_buy_report' } = {},
): Promise<EvidenceRecord[]> {
  const problems: { path: string; message: string }[] = [];
  const found: EvidenceRecord[] = [];
  for (const [i, evidenceId] of evidenceIds.entries()) {
    const evidence = await getEvidence(evidenceId);
    const where = options.purpose ? path : `${path}.${i}`;
    if (!evidence || !ownedBy(evidence, owners))
      problems.push({ path: where, message: 'No such evidence of yours' });
    else if (evidence.status !== 'sealed')
      problems.push({ path: where, message: 'The evidence is not sealed' });
    else if (options.purpose && evidence.purpose !== options.purpose)
      problems.push({
        path: where,
        message:
          options.purpose === 'manifest'
            ? 'Not a manifest: upload the listings with purpose "manifest"'
            : 'Not a test-buy report: upload it with purpose "test_buy_report"',
      });
    else found.push(evidence);
  }
  if (problems.length > 0)
    throw new DomainRuleError(
      'evidence_not_sealed',
      'Cite only your own sealed evidence.',
      problems,
    );
  return found;
}

/** Items written before `owner` existed name a rights holder as `ownerType`/`ownerId`. */
function ownedBy(evidence: EvidenceRecord, owners: readonly string[]): boolean {
  const legacy = evidence as EvidenceRecord & { ownerType?: string; ownerId?: string };
  return (
    owners.includes(evidence.owner) ||
    (legacy.ownerType === 'rights-holder' && owners.includes(`RH#${legacy.ownerId}`))
  );
}
