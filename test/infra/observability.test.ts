import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_METRICS } from '../../functions/business-metrics.ts';
import { RUNBOOK_SECTIONS } from '../../infra/constructs/service-alarms.ts';
import type { TakedownService } from '../../infra/service.ts';
import { synthService } from './synth.ts';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON.
type Json = any;

const RUNBOOKS = readFileSync(resolve(import.meta.dirname, '../../docs/runbooks.md'), 'utf8');
/** GitHub's anchor of each `## ` heading of docs/runbooks.md. */
const anchors = new Set(
  [...RUNBOOKS.matchAll(/^## (.+)$/gm)].map((m) =>
    m[1]!
      .toLowerCase()
      .replace(/[^a-z0-9 _-]/g, '')
      .replace(/ /g, '-'),
  ),
);

let service: TakedownService;
beforeAll(() => {
  service = synthService();
});

const resourcesOf = (type: string): Json[] =>
  service.stacks.flatMap((stack) =>
    Object.values(Template.fromStack(stack).findResources(type) as Record<string, Json>),
  );

describe('Runbooks and alarms', () => {
  it('has a runbook section for every kind of alarm', () => {
    for (const section of Object.values(RUNBOOK_SECTIONS))
      expect(anchors, section).toContain(section);
  });

  it('links every alarm’s description to an existing runbook section', () => {
    const alarms = resourcesOf('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      const description = String(alarm.Properties.AlarmDescription);
      const link = /Runbook: docs\/runbooks\.md#([\w-]+)$/.exec(description);
      expect(link?.[1] && anchors.has(link[1]), description).toBe(true);
    }
  });
});

describe('The CloudWatch dashboard', () => {
  it('charts the API, the workflow and every business metric', () => {
    const [dashboard] = resourcesOf('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(service.api.resolve(dashboard.Properties.DashboardBody));
    for (const name of Object.values(BUSINESS_METRICS)) expect(body, name).toContain(name);
    expect(body).toContain('AWS/ApiGateway');
    expect(body).toContain('AWS/States');
  });
});
