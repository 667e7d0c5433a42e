import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { configSchema } from '../../infra/config.ts';
import { addTakedownService } from '../../infra/service.ts';
import type { ServiceTables } from '../../infra/tables.ts';

/** A stand-in for web/dist, so infra tests need no web build. */
export const WEB_ASSETS_FIXTURE = resolve(import.meta.dirname, '../fixtures/web-dist');

/** The config every infra test synthesizes with: the documented defaults. */
export const testConfig = configSchema.parse({});

/** Both stacks on a fresh app, with bundling skipped and the cdk-nag plugins off. */
export function synthService(tables?: ServiceTables) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = addTakedownService(app, {
    config: testConfig,
    tables,
    nag: false,
    webAssetsDir: WEB_ASSETS_FIXTURE,
  });
  return { app, ...stacks };
}
