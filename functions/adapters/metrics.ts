import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricUnit as Unit } from '@aws-lambda-powertools/metrics/types';
import type { BusinessMetric } from '../business-metrics.ts';

export { BUSINESS_METRICS, type BusinessMetric } from '../business-metrics.ts';

/**
 * The service's business metrics, as CloudWatch embedded metric format (EMF) lines in the function's
 * log: no API call, no IAM grant. Namespace `Takedown`; the CloudWatch dashboard
 * (infra/constructs/service-dashboard.ts) charts them. `POWERTOOLS_METRICS_DISABLED=true` silences
 * them (the tests do, unless `LOG_LEVEL` is set).
 */
const metrics = new Metrics({ namespace: 'Takedown', serviceName: 'takedown' });

/**
 * Emits one data point at once, with its own dimensions (a single-metric EMF line), so a metric
 * recorded in the middle of a request is never lost to a later failure of that request.
 */
export function recordMetric(
  name: BusinessMetric,
  dimensions: Record<string, string>,
  { value = 1, unit = MetricUnit.Count as Unit }: { value?: number; unit?: Unit } = {},
): void {
  const single = metrics.singleMetric();
  for (const [key, dimension] of Object.entries(dimensions)) single.addDimension(key, dimension);
  single.addMetric(name, unit, value);
}

export { MetricUnit };
