import { afterEach, describe, expect, it, vi } from 'vitest';

// The adapter reads its env at module load: metrics on, whatever the test setup says.
vi.hoisted(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  delete process.env.POWERTOOLS_DEV;
});

const { BUSINESS_METRICS, recordMetric, MetricUnit } = await import(
  '../../../functions/adapters/metrics.ts'
);

afterEach(() => {
  vi.restoreAllMocks();
});

/** The EMF documents written to stdout while `act` runs. */
function emfLines(act: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  act();
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

describe('Function: recordMetric', () => {
  it('writes one EMF document in the Takedown namespace with the metric, its unit and dimensions', () => {
    // Act
    const [document] = emfLines(() =>
      recordMetric(
        BUSINESS_METRICS.timeToTakedown,
        { Jurisdiction: 'CN' },
        { value: 5400, unit: MetricUnit.Seconds },
      ),
    );

    // Assess
    expect(document).toMatchObject({
      TimeToTakedown: 5400,
      Jurisdiction: 'CN',
      service: 'takedown',
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'Takedown',
            Dimensions: [expect.arrayContaining(['service', 'Jurisdiction'])],
            Metrics: [{ Name: 'TimeToTakedown', Unit: 'Seconds' }],
          },
        ],
      },
    });
  });
});
