import { readCounterTotals } from '../adapters/transparency-counters.ts';
import { reportCsv, splitDay, transparencyReport } from '../domain/transparency-report.ts';
import { apiHandler, json } from './lib/handler.ts';
import { reportQuerySchema } from './schemas/transparency.ts';

/**
 * GET /v1/transparency/report (admin): the period's report, added up from the day counters
 * (adapters/transparency-counters.ts): a year reads at most 4 × 366 counter items, never a case.
 */
export const handler = apiHandler('GET /v1/transparency/report', async ({ query }) => {
  const input = query(reportQuerySchema);
  const totals = await readCounterTotals(input.from, input.to, splitDay(input.from, input.to));
  const report = transparencyReport({ from: input.from, to: input.to }, totals);
  if (input.format === 'csv') {
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="transparency-${input.from}-${input.to}.csv"`,
        'cache-control': 'no-store',
      },
      body: reportCsv(report),
    };
  }
  return json(200, report);
});
