/**
 * Transparency report benchmark: seeds a year of counters into DynamoDB Local, every day and every
 * shard populated (day and month items, with the counters' real update expressions, as a count
 * writes them), then times the report for the year
 * (GET /v1/transparency/report's work: read the day counters, add them up, build the report) and
 * prints it. The issue asks for under a second locally.
 *
 *   npm run bench:transparency             (CASES_PER_SHARD_DAY = 50: ~290,000 cases a year)
 *   CASES_PER_SHARD_DAY=1000 npm run bench:transparency
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../functions/table.ts';
import { ensureTable, startDynamoDbLocal } from '../local/dynamodb/index.ts';

const PER_SHARD_DAY = Number(process.env.CASES_PER_SHARD_DAY ?? 50);
const YEAR = 2026;
const RUNS = 5;

const dynamo = await startDynamoDbLocal();
process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
process.env.AWS_REGION ??= 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.TABLE_NAME = 'bench-transparency';
try {
  await ensureTable(new DynamoDBClient({}), 'bench-transparency', tableDefinition);
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dynamo: client } = await import('../functions/adapters/dynamo-client.ts');
  const { increments, readCounterTotals, SHARDS } = await import(
    '../functions/adapters/transparency-counters.ts'
  );
  const { dimensional } = await import('../functions/domain/transparency-counts.ts');
  const { transparencyReport, splitDay } = await import(
    '../functions/domain/transparency-report.ts'
  );
  const jurisdictions = ['US', 'EU', 'CN'] as const;
  const types = ['counterfeit', 'trademark', 'copyright', 'patent', 'design'] as const;
  const sources = ['notice', 'trusted_flagger', 'own_initiative'] as const;
  const seedStart = performance.now();
  let writes = 0;
  for (let day = 0; day < 365; day++) {
    const date = new Date(Date.UTC(YEAR, 0, 1 + day)).toISOString().slice(0, 10);
    await Promise.all(
      Array.from({ length: SHARDS }, async (_, shard) => {
        const n = day * SHARDS + shard;
        const event = {
          caseId: `case-${n}`,
          noticeId: `ntc-${n}`,
          jurisdiction: jurisdictions[n % 3]!,
          infringementType: types[n % 5]!,
          source: sources[n % 3]!,
          automated: n % 3 === 2,
          receivedAt: date,
          previousStatus: 'screening',
          status: 'awaiting_review',
          at: date,
        };
        const counters = [
          ...dimensional('received', event),
          ...dimensional('actions', event),
          'decisions|decision=approve',
          `decisions|jurisdiction=${event.jurisdiction}`,
          'counter_notices',
          'restored',
          'appeals_filed',
          'appeals_filed|appellant=seller',
          'appeals_decided|outcome=dismissed',
          'strikes',
          'warnings',
          'notices',
          'sellers',
        ];
        // Times to act spread over ~40 buckets a shard and day (seconds to weeks).
        const durations = Array.from({ length: 40 }, (_, k) => ({
          metric: (k % 4 === 0 ? 'appeal_handling' : 'time_to_act') as 'time_to_act',
          seconds: 60 * 1.3 ** (k + (n % 7)),
        }));
        // As a count does: the shard's day item and its month item.
        for (const item of ['DAY', 'MONTH'] as const) {
          await client.send(
            new UpdateCommand(increments(date, shard, counters, durations, PER_SHARD_DAY, item)),
          );
          writes++;
        }
        // The re-offence cohort's day item (warned sellers, and those who re-offended).
        await client.send(
          new UpdateCommand(
            increments(date, shard, ['cohort_warned', 'cohort_reoffended'], [], 2, 'COHORT'),
          ),
        );
        writes++;
      }),
    );
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const times: number[] = [];
  let report: ReturnType<typeof transparencyReport> | undefined;
  let itemsRead = 0;
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const totals = await readCounterTotals(from, to, splitDay(from, to));
    report = transparencyReport({ from, to }, totals);
    times.push(performance.now() - start);
    itemsRead = totals.itemsRead;
  }
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        seeded: {
          counterUpdates: writes,
          casesRepresented: 365 * SHARDS * PER_SHARD_DAY,
          seconds: Math.round(seedSeconds),
        },
        report: {
          runs: RUNS,
          counterItemsRead: itemsRead,
          medianMs: Math.round(times[Math.floor(RUNS / 2)]!),
          maxMs: Math.round(times[RUNS - 1]!),
        },
      },
      null,
      2,
    ),
  );
  console.log(JSON.stringify(report, null, 2));
} finally {
  await dynamo.stop();
}
