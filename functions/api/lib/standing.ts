import type * as z from 'zod';
import {
  getStanding,
  listStandingEvents,
  refreshFastLane,
  windowBuckets,
} from '../../adapters/notifier-standing.ts';
import { policy } from '../../adapters/policy-source.ts';
import type { RightsHolderProfile } from '../../adapters/registry-store.ts';
import { accuracyOf } from '../../domain/standing.ts';
import type { standingSchema } from '../schemas/identity.ts';

/** A notifier's standing (API.md, Notifier standing), as the API shows it. */
export type StandingView = z.infer<typeof standingSchema>;

/**
 * A notifier's standing, read from its counters (the window's day buckets: at most one item a day,
 * kept with atomic adds as outcomes happen, never recounted from the cases), its fast lane, its
 * trusted-flagger award and its misuse steps, with the standing timeline. A party sees staff as
 * `{role}` without an id, and never a reviewer's internal note.
 */
export async function standingOf(
  profile: RightsHolderProfile,
  now: Date,
  viewer: 'party' | 'reviewer',
): Promise<StandingView> {
  const [buckets, state, events, lane] = await Promise.all([
    windowBuckets(profile.rightsHolderId, now),
    getStanding(profile.rightsHolderId),
    listStandingEvents(profile.rightsHolderId),
    refreshFastLane(profile.rightsHolderId, now),
  ]);
  const { unfounded, ...accuracy } = accuracyOf(buckets);
  const suspendedUntil =
    profile.suspendedUntil && profile.suspendedUntil > now.toISOString()
      ? profile.suspendedUntil
      : undefined;
  return {
    ...accuracy,
    window: policy.standing.window,
    minDecided: policy.standing.minDecided,
    fastLane: lane.open,
    ...(lane.lockedUntil ? { fastLaneLockedUntil: lane.lockedUntil } : {}),
    ...(profile.trustedFlagger ? { trustedFlagger: profile.trustedFlagger } : {}),
    misuse: {
      unfoundedInWindow: unfounded,
      sinceLastStep: state.misuseCount ?? 0,
      ...(state.misuseWarnedAt ? { warnedAt: state.misuseWarnedAt } : {}),
      reviewOpen: state.misuseReview !== undefined,
      ...(suspendedUntil ? { suspendedUntil } : {}),
    },
    events: events.map((event) => {
      if (viewer === 'reviewer') return event;
      const { note: _note, ...detail } = event.detail;
      return { ...event, actor: { role: event.actor.role }, detail };
    }),
  };
}
