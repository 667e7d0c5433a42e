import { randomBytes } from 'node:crypto';
import { ApiClient, idempotencyKey, noticeBody } from '../../support/api.ts';

/** The API and local tools of a started cloud, as the journeys' setup needs them. */
export async function cloudApi(base: string) {
  const users = (await (await fetch(`${base}/_local/users`)).json()) as {
    name: string;
    token: string;
  }[];
  const as = (name: string) => new ApiClient(base, users.find((u) => u.name === name)!.token);
  const local = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const rightsHolder = as('acme-brand');
  const reviewer = as('reviewer');

  const caseStatus = async (caseId: string) =>
    (await reviewer.get<{ status: string }>(`/v1/cases/${caseId}`)).body.status;

  return {
    rightsHolder,
    reviewer,
    caseStatus,
    /**
     * Waits until the case is in one of `statuses`: up to 60 s, or, advancing the local clock by
     * `advanceBy` between looks, up to 60 advances. (A limit for a stuck case, not a speed check:
     * under a full suite on 2 cores a counter-notice once took over 15 s to be forwarded.)
     */
    async waitForStatus(caseId: string, statuses: string[], advanceBy?: string) {
      const deadline = Date.now() + 60_000;
      for (let i = 0; advanceBy ? i < 60 : Date.now() < deadline; i++) {
        const status = await caseStatus(caseId);
        if (statuses.includes(status)) return status;
        if (advanceBy) await local('/_local/clock/advance', { by: advanceBy });
        else await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(
        `case ${caseId} never reached ${statuses.join('|')} (is ${await caseStatus(caseId)})`,
      );
    },
    /** Files a notice against a new demo listing; returns its case. */
    async fileCase(title: string) {
      const listing = (await local('/_local/marketplace/listings', {
        sellerId: `seller-${randomBytes(3).toString('hex')}`,
        title,
      })) as { listingId: string };
      const filed = await rightsHolder.post<{ cases: { caseId: string }[] }>(
        '/v1/notices',
        noticeBody([listing.listingId]),
        { 'idempotency-key': idempotencyKey() },
      );
      if (filed.status !== 202) throw new Error(`filing failed: ${filed.text}`);
      return { caseId: filed.body.cases[0]!.caseId, listingId: listing.listingId, title };
    },
    /** Adds a live demo listing of `sellerId` (an existing seller keeps its language). */
    async addListing(sellerId: string, title: string) {
      return (await local('/_local/marketplace/listings', { sellerId, title })) as {
        listingId: string;
        url?: string;
      };
    },
    /** Advances the local cloud's clock (ISO 8601 duration); resolves once the work settled. */
    advanceClock: (by: string) => local('/_local/clock/advance', { by }),
    /** Files a notice through the API and has the reviewer approve it; returns its case. */
    async fileAndApprove(listingId: string, overrides: Record<string, unknown>) {
      const filed = await rightsHolder.post<{ cases: { caseId: string }[] }>(
        '/v1/notices',
        noticeBody([listingId], overrides),
        { 'idempotency-key': idempotencyKey() },
      );
      if (filed.status !== 202) throw new Error(`filing failed: ${filed.text}`);
      const caseId = filed.body.cases[0]!.caseId;
      // Up to 60 s for the screening: a limit for a stuck case, not a speed check.
      for (
        const deadline = Date.now() + 60_000;
        Date.now() < deadline && (await caseStatus(caseId)) !== 'awaiting_review';
      )
        await new Promise((r) => setTimeout(r, 250));
      const decided = await reviewer.post(`/v1/cases/${caseId}/decision`, {
        decision: 'approve',
        reasonCode: 'counterfeit_goods',
        reasons: 'The listing offers goods bearing the ACME mark that ACME never made.',
      });
      if (decided.status !== 200) throw new Error(`decision failed: ${decided.text}`);
      return caseId;
    },
    /**
     * Opens an own-initiative case through the real path: a reviewer's keyword rule (`takedown`
     * or `flag`), a live demo listing of `sellerId` whose title carries the rule's term, the
     * marketplace's screening call with its machine token, and the own-initiative job, which
     * acts within a minute of the clock. Returns the case and its listing.
     */
    async ownInitiativeCase(input: { sellerId: string; action: 'takedown' | 'flag' }) {
      const term = `Zorbo${randomBytes(3).toString('hex')}`;
      const rule = await reviewer.post<{ ruleId: string }>('/v1/screening-rules', {
        ipRightId: 'ipr-acme-tm-us',
        terms: [term],
        action: input.action,
      });
      if (rule.status !== 201) throw new Error(`rule refused: ${rule.text}`);
      const title = `${term} running shoes`;
      const listing = (await local('/_local/marketplace/listings', {
        sellerId: input.sellerId,
        title,
      })) as { listingId: string };
      const { token } = (await local('/_local/tokens', {
        sub: 'marketplace-client',
        scope: 'takedown/screening',
      })) as { token: string };
      const screened = await new ApiClient(base, token).post<{ caseIds?: string[] }>(
        '/v1/screening/listings',
        { listingId: listing.listingId, sellerId: input.sellerId, title },
      );
      const caseId = screened.body.caseIds?.[0];
      if (screened.status !== 200 || !caseId) throw new Error(`no case: ${screened.text}`);
      await local('/_local/clock/advance', { by: 'PT2M' });
      return { caseId, listingId: listing.listingId, title, ruleId: rule.body.ruleId };
    },
    marketplaceFaults: (failNext: number) =>
      local('/_local/marketplace/faults', { failNext, failureRate: 0 }),
    /** A new user who registers as a rights holder; their profile awaits verification. */
    async newRightsHolderApplicant(legalName: string) {
      const sub = `applicant-${randomBytes(4).toString('hex')}`;
      const { token } = (await local('/_local/tokens', { sub, groups: ['rights-holder'] })) as {
        token: string;
      };
      const client = new ApiClient(base, token);
      const created = await client.post<{ rightsHolderId: string }>('/v1/rights-holders', {
        legalName,
        type: 'company',
        country: 'DE',
        address: 'Musterstraße 1, 10115 Berlin, DE',
        email: `${sub}@brands.demo.invalid`,
        phone: '+49-30-5550100',
      });
      if (created.status !== 201) throw new Error(`registration failed: ${created.text}`);
      return { client, rightsHolderId: created.body.rightsHolderId };
    },
  };
}
