/**
 * Cost model (`npm run bench:cost`, issue 19): the AWS cost per 1,000 cases of the notice path and
 * of the own-initiative path, and the Standard executions open at once at the seed's volume, from
 * cited unit prices (us-east-1, on-demand, as published on the pages named below) and the design's
 * per-case counts. Every count is a parameter (environment variable), so an operator can put in
 * its own measured figures.
 *
 *   npm run bench:cost
 *   OI_REDRESS_SHARE=0.05 NOTICE_CASES_PER_YEAR=7e6 npm run bench:cost
 */

const env = (name: string, fallback: number) => {
  const value = process.env[name];
  return value === undefined ? fallback : Number(value);
};

/** Unit prices, USD, us-east-1, each with where it is published. */
const PRICES = {
  standardTransition: {
    usd: 0.025 / 1000,
    source: 'https://aws.amazon.com/step-functions/pricing/ ($0.025 per 1,000 state transitions)',
  },
  lambdaRequest: {
    usd: 0.2 / 1e6,
    source: 'https://aws.amazon.com/lambda/pricing/ ($0.20 per 1M requests)',
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    source: 'https://aws.amazon.com/lambda/pricing/ (Arm: $0.0000133334 per GB-second)',
  },
  dynamoWrite: {
    usd: 0.625 / 1e6,
    source:
      'https://aws.amazon.com/dynamodb/pricing/on-demand/ ($0.625 per million write request units)',
  },
  dynamoRead: {
    usd: 0.125 / 1e6,
    source:
      'https://aws.amazon.com/dynamodb/pricing/on-demand/ ($0.125 per million read request units)',
  },
  apiRequest: {
    usd: 3.5 / 1e6,
    source: 'https://aws.amazon.com/api-gateway/pricing/ (REST: $3.50 per million, first 333M)',
  },
  email: {
    usd: 0.1 / 1000,
    source: 'https://aws.amazon.com/ses/pricing/ ($0.10 per 1,000 emails)',
  },
  event: {
    usd: 1 / 1e6,
    source: 'https://aws.amazon.com/eventbridge/pricing/ ($1.00 per million custom events)',
  },
} as const;

interface PathCounts {
  /** Standard state transitions per case (on average over the path's cases). */
  transitions: number;
  /** Lambda invocations per case, and the GB-seconds each takes. */
  invocations: number;
  gbSecondsPerInvocation: number;
  /** DynamoDB write and read request units per case (a transactional write costs 2 per KB). */
  writeUnits: number;
  readUnits: number;
  /** API Gateway requests per case. */
  apiRequests: number;
  /** Emails per case. */
  emails: number;
  /** Domain events (status changes) per case. */
  events: number;
}

/**
 * The notice path, per case: the takedown machine's 16 transitions of the happy path (measured by
 * the workflow tests, `test/integration/workflow/transitions.test.ts`); 8 task invocations
 * (screen, two waits, take down, strike, measure, notify, close); about 14 transactional steps of
 * 3–4 items (case, timeline event, outbox item, step marker) at 2 WRU each, plus the strike, the
 * seller and the idempotent email markers; the notice's share of its filing request and the
 * reviewer's decision and a few reads; the receipt's share, the notifier's decision, the seller's
 * statement of reasons and the outcome; four status events.
 */
const NOTICE: PathCounts = {
  transitions: env('NOTICE_TRANSITIONS', 16),
  invocations: env('NOTICE_INVOCATIONS', 8),
  gbSecondsPerInvocation: env('NOTICE_GB_SECONDS', 0.5 * 0.2),
  writeUnits: env('NOTICE_WRU', 110),
  readUnits: env('NOTICE_RRU', 60),
  apiRequests: env('NOTICE_API_REQUESTS', 4),
  emails: env('NOTICE_EMAILS', 3.1),
  events: env('NOTICE_EVENTS', 4),
};

/** The share of own-initiative cases that draw a counter-notice or an appeal. */
const OI_REDRESS_SHARE = env('OI_REDRESS_SHARE', 0.02);
/** Cases in one seller's daily digest, on average. */
const OI_CASES_PER_DIGEST = env('OI_CASES_PER_DIGEST', 5);

/**
 * The own-initiative path, per case: no Standard execution except for the share that draws
 * redress (the redress machine's about 12 transitions); the immediate part in one job invocation
 * per batch of cases (about 50 ms of a 1 GB function per case); the case and its events (one
 * transaction of 3 items), the takedown, strike, notify and park steps, the digest entry and its
 * deletion, the bulk window close (about 40 WRU); no API request of its own (the screening call is
 * the marketplace's, counted by the screening issue); a daily digest email shared by the seller's
 * cases; four status events.
 */
const OWN_INITIATIVE: PathCounts = {
  transitions: OI_REDRESS_SHARE * env('REDRESS_TRANSITIONS', 12),
  invocations: env('OI_INVOCATIONS', 1 / 100),
  gbSecondsPerInvocation: env('OI_GB_SECONDS_PER_BATCH', 100 * 0.05),
  writeUnits: env('OI_WRU', 40),
  readUnits: env('OI_RRU', 30),
  apiRequests: env('OI_API_REQUESTS', 0),
  emails: 1 / OI_CASES_PER_DIGEST,
  events: env('OI_EVENTS', 4),
};

function costPerThousand(counts: PathCounts): Record<string, number> {
  const lines = {
    'Step Functions Standard': counts.transitions * PRICES.standardTransition.usd,
    'Lambda requests': counts.invocations * PRICES.lambdaRequest.usd,
    'Lambda compute (Arm)':
      counts.invocations * counts.gbSecondsPerInvocation * PRICES.lambdaArmGbSecond.usd,
    'DynamoDB writes': counts.writeUnits * PRICES.dynamoWrite.usd,
    'DynamoDB reads': counts.readUnits * PRICES.dynamoRead.usd,
    'API Gateway': counts.apiRequests * PRICES.apiRequest.usd,
    SES: counts.emails * PRICES.email.usd,
    EventBridge: counts.events * PRICES.event.usd,
  };
  return Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, v * 1000]));
}

const usd = (value: number) => `$${value.toFixed(4)}`;

function table(title: string, lines: Record<string, number>): number {
  const total = Object.values(lines).reduce((a, b) => a + b, 0);
  console.log(`\n${title} (per 1,000 cases)`);
  for (const [name, value] of Object.entries(lines))
    console.log(`  ${name.padEnd(26)} ${usd(value)}`);
  console.log(`  ${'total'.padEnd(26)} ${usd(total)}`);
  return total;
}

console.log('Unit prices (us-east-1, on-demand):');
for (const [name, price] of Object.entries(PRICES))
  console.log(`  ${name.padEnd(20)} ${price.usd.toExponential(4)} USD  ${price.source}`);

const notice = table('Notice path', costPerThousand(NOTICE));
const ownInitiative = table('Own-initiative path', costPerThousand(OWN_INITIATIVE));

// Open Standard executions at the seed's volume (112M own-initiative, 7M notice cases a year).
const OI_PER_YEAR = env('OI_CASES_PER_YEAR', 112e6);
const NOTICE_PER_YEAR = env('NOTICE_CASES_PER_YEAR', 7e6);
/** Days a notice case's execution stays open: review, then the 14-day counter-notice window. */
const NOTICE_OPEN_DAYS = env('NOTICE_OPEN_DAYS', 16);
/** Days a redress execution stays open: the re-review SLA and its escalations. */
const REDRESS_OPEN_DAYS = env('REDRESS_OPEN_DAYS', 7);
const openNotice = (NOTICE_PER_YEAR * NOTICE_OPEN_DAYS) / 365;
const openOi = (OI_PER_YEAR * OI_REDRESS_SHARE * REDRESS_OPEN_DAYS) / 365;
const openIfStandard = (OI_PER_YEAR * NOTICE_OPEN_DAYS) / 365;
console.log('\nOpen Standard executions at once (quota: 1,000,000 per account and region)');
console.log(`  notice path              ${Math.round(openNotice).toLocaleString('en')}`);
console.log(
  `  own-initiative redress   ${Math.round(openOi).toLocaleString('en')} (${OI_REDRESS_SHARE * 100}% of cases draw one)`,
);
console.log(`  total                    ${Math.round(openNotice + openOi).toLocaleString('en')}`);
console.log(
  `  (own-initiative cases each held open by a Standard execution: ${Math.round(openIfStandard).toLocaleString('en')})`,
);
console.log('\nYearly at the seed volume');
console.log(
  `  notice path              $${Math.round((notice * NOTICE_PER_YEAR) / 1000).toLocaleString('en')}`,
);
console.log(
  `  own-initiative path      $${Math.round((ownInitiative * OI_PER_YEAR) / 1000).toLocaleString('en')}`,
);
const goal = ownInitiative <= 0.1 ? 'meets' : 'misses';
console.log(`\nOwn-initiative: ${usd(ownInitiative)} per 1,000 cases (${goal} the $0.10 goal)`);
