import type { TimelineEvent } from '../../domain/case.ts';
import type { CaseView } from './case-access.ts';

/** Delivery problems are for reviewers, who act on them (issue 11); parties do not see them. */
const REVIEWER_ONLY_EVENTS = new Set(['message_undeliverable', 'message_complaint']);

/**
 * Detail fields that name staff or hold what only reviewers read: among them the screening rule
 * that matched an own-initiative listing, which would teach how to word a listing past it.
 */
const STAFF_DETAIL = ['reviewerId', 'note', 'claimedBy', 'ruleId', 'ruleVersion'] as const;

/**
 * A timeline as a party sees it (DOMAIN.md, "Staff and party privacy"): staff appear as
 * `{role: "reviewer"}` with no id, and no entry carries a staff id or a reviewer's internal note.
 * The seller also does not read the rights holder's replies to a request for information (they
 * go to the reviewer), only that one arrived.
 */
export function publicTimeline(
  timeline: readonly TimelineEvent[],
  view: Exclude<CaseView, 'reviewer'>,
): {
  at: string;
  actor: { role: string; id?: string };
  type: string;
  detail: Record<string, unknown>;
}[] {
  return timeline
    .filter((event) => !REVIEWER_ONLY_EVENTS.has(event.type))
    .map((event) => {
      const staff = event.actor.role === 'reviewer' || event.actor.role === 'admin';
      const detail = Object.fromEntries(
        Object.entries(event.detail).filter(
          ([key]) => !(STAFF_DETAIL as readonly string[]).includes(key),
        ),
      );
      if (view === 'seller' && event.type === 'info_received') {
        delete detail.explanation;
        delete detail.evidenceIds;
      }
      return {
        at: event.at,
        actor: staff ? { role: 'reviewer' } : event.actor,
        type: event.type,
        detail,
      };
    });
}
