import { App } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../infra/config.ts';
import { addTakedownService } from '../../infra/service.ts';
import { sharedTables } from '../../infra/tables.ts';
import { fixtureTables } from './fixture-tables.ts';
import { synthService, testConfig, WEB_ASSETS_FIXTURE } from './synth.ts';

/** Every unacknowledged finding of both packs, as 'rule at path' lines. */
function findings(app: App): string[] {
  app.synth();
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack
      .validateScope(app)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`),
      ),
  );
}

/** Acknowledgements recorded anywhere in the tree, with their reasons. */
function acknowledgements(app: App): { id: string; reason: string }[] {
  return app.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
    .flatMap((entry) =>
      Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ id, reason })),
    );
}

describe('cdk-nag AwsSolutions and Serverless packs', () => {
  it('finds nothing unacknowledged in the stacks built from the fixture tables', () => {
    expect(findings(synthService(fixtureTables).app)).toEqual([]);
  });

  it('finds nothing unacknowledged in the stacks built from the shared tables', () => {
    expect(findings(synthService(sharedTables).app)).toEqual([]);
  });

  it('finds nothing unacknowledged with the demo marketplace deployed (context demoMarketplace=true)', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    addTakedownService(app, {
      config: configSchema.parse({ demoMarketplace: 'true' }),
      nag: false,
      webAssetsDir: WEB_ASSETS_FIXTURE,
    });
    expect(findings(app)).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    const acks = acknowledgements(synthService(fixtureTables).app);
    expect(acks.length).toBeGreaterThan(0);
    for (const { id, reason } of acks) expect(reason.length, id).toBeGreaterThan(40);
  });

  it('fails the synth of the app when a new finding appears', () => {
    const app = new App({
      context: { 'aws:cdk:bundling-stacks': [] },
    });
    const { stateful } = addTakedownService(app, {
      config: testConfig,
      tables: fixtureTables,
      webAssetsDir: WEB_ASSETS_FIXTURE,
    });
    new Bucket(stateful, 'UnloggedPlainHttpBucket');
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
  });
});
