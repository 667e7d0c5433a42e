import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { installTimeSource } from '../functions/adapters/clock.ts';
import { routes as defaultRoutes, type RouteDefinition } from '../functions/routes.ts';
import { tableDefinition } from '../functions/table.ts';
import {
  type BucketNotification,
  scheduledJobs as defaultJobs,
  mailEventHandlers as defaultMailEventHandlers,
  bucketNotifications as defaultNotifications,
  stateMachines as defaultStateMachines,
  workflowTasks as defaultTasks,
  type MailEventHandler,
  type ScheduledJob,
  type StateMachineDefinition,
  type WorkflowTask,
} from '../functions/tasks.ts';
import { createApiGatewayRoutes } from './apigw/gateway.ts';
import { logRequestsTo } from './apigw/request-log.ts';
import type { ProxyHandler } from './apigw/types.ts';
import { LOCAL_AUDIENCE, LocalIssuer } from './auth/issuer.ts';
import { createOidcRoutes, OIDC_BASE_PATH } from './auth/oidc-routes.ts';
import { VirtualClock } from './clock.ts';
import { controlRouteGuard } from './control-guard.ts';
import { createControlRoutes } from './control-routes.ts';
import { type DynamoFaults, startContentionLayer } from './dynamodb/contention.ts';
import { type DynamoDbLocal, ensureTable, startDynamoDbLocal } from './dynamodb/index.ts';
import { LocalEventBus } from './eventbridge.ts';
import { type LocalServer, startLoopbackServer } from './http.ts';
import { LocalLambda } from './lambda/invoker.ts';
import type { LocalLogger } from './log.ts';
import { type Mailbox, openMailbox } from './mailbox/index.ts';
import { type DemoMarketplace, openDemoMarketplace } from './marketplace/index.ts';
import { type LocalS3, startLocalS3 } from './s3/index.ts';
import { LocalScheduler } from './scheduler.ts';
import { type DemoUser, demoEvidence, demoMarketplace, demoUsers, seedDemoData } from './seed.ts';
import { LocalStepFunctions } from './stepfunctions/engine.ts';
import { createStepFunctionsApi } from './stepfunctions/facade.ts';
import { FileExecutionStore } from './stepfunctions/store.ts';
import {
  LOCAL_TRANSPARENCY_DATABASE_TOKEN,
  LocalTransparencyDatabase,
  TRANSPARENCY_DATABASE_PATH,
} from './transparency-database/index.ts';
import { localWebConfig } from './web/config.ts';
import { createWebAppRoutes } from './web/static.ts';

export const REGION = 'us-east-1';
export const ACCOUNT_ID = '000000000000';
/** The only credentials the local cloud accepts (the S3 POST-policy check verifies signatures). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local-secret' } as const;

export interface LocalCloudOptions {
  /** API port on 127.0.0.1. 0 picks a free port. @default 3000 */
  port?: number;
  /** Where data persists. Omit for a throwaway directory removed at stop (tests). */
  dataDir?: string;
  /** @default the repository root */
  rootDir?: string;
  /** Use a running DynamoDB Local instead of starting one (tests share one per run). */
  dynamoEndpoint?: string;
  /** Transaction conflicts to inject from the start (also settable at /_local/dynamodb/faults). */
  dynamoFaults?: DynamoFaults;
  /** @default 'takedown' */
  tableName?: string;
  /** Seed demo users, rights holder, IP rights, sellers and listings. @default true */
  seed?: boolean;
  /** The tables to serve; the shared ones by default. Tests pass fixtures. */
  routes?: readonly RouteDefinition[];
  workflowTasks?: readonly WorkflowTask[];
  stateMachines?: readonly StateMachineDefinition[];
  bucketNotifications?: readonly BucketNotification[];
  scheduledJobs?: readonly ScheduledJob[];
  mailEventHandlers?: readonly MailEventHandler[];
  /**
   * Where a new cloud's clock starts (a fresh data directory only): tests pin it so that what
   * depends on the calendar (holidays, business days, published holiday data) does not depend on
   * the day the suite runs. @default now
   */
  clockStart?: Date;
  log?: (line: string) => void;
  /**
   * Logs each API request (method, path, status, duration, request id) at info to this logger, and
   * sets the handlers' logger to its level. @default no request logs; the handlers log at warn
   */
  logger?: LocalLogger;
}

export interface LocalCloud {
  url: string;
  port: number;
  dataDir: string;
  endpoints: { dynamodb: string; s3: string; sfn: string; sesv2: string; marketplace: string };
  /** The environment the handlers run with (also set on this process). */
  env: Record<string, string>;
  stateMachineArns: Record<string, string>;
  users: readonly DemoUser[];
  clock: VirtualClock;
  engine: LocalStepFunctions;
  lambda: LocalLambda;
  issuer: LocalIssuer;
  marketplace: DemoMarketplace;
  mailbox: Mailbox;
  /** The stand-in for the DSA Transparency Database (what it accepted, its faults). */
  transparencyDatabase: LocalTransparencyDatabase;
  s3: LocalS3;
  scheduler: LocalScheduler;
  /** What the engine found on disk at start. */
  restored: { waiting: number; rerun: number; failed: number; ms: number };
  /** Moves the clock forward and resolves once the work it started has settled. */
  advance(ms: number): Promise<Date>;
  /** Resolves once no execution is running a state and no notification is being delivered. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const EVIDENCE_BUCKET = 'takedown-evidence-local';

/**
 * Starts the embedded local cloud: DynamoDB Local, S3 (s3rver behind a POST-policy layer), the
 * Step Functions engine and its API, the SES mailbox, the demo marketplace, and the API Gateway
 * emulator serving the shared route table, all on 127.0.0.1. Handlers run in-process with the
 * unchanged AWS SDK clients, pointed here through `AWS_ENDPOINT_URL_*`.
 */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const rootDir = options.rootDir ?? resolve(import.meta.dirname, '..');
  const ephemeral = options.dataDir === undefined;
  const dataDir = options.dataDir
    ? resolve(options.dataDir)
    : mkdtempSync(join(tmpdir(), 'takedown-local-'));
  mkdirSync(dataDir, { recursive: true });
  const log = options.log ?? (() => undefined);
  const tableName = options.tableName ?? 'takedown';
  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error('local cloud: stop failed', error);
      }
    }
    stops.length = 0;
  };

  try {
    // The clock: virtual time persists, so a restart never moves it backwards.
    const clockFile = join(dataDir, 'clock.json');
    const savedOffset = existsSync(clockFile)
      ? Number(JSON.parse(readFileSync(clockFile, 'utf8')).offsetMs) || 0
      : options.clockStart
        ? options.clockStart.getTime() - Date.now()
        : 0;
    const clock = new VirtualClock({
      offsetMs: savedOffset,
      onOffsetChange: (offsetMs) => writeFileSync(clockFile, JSON.stringify({ offsetMs })),
    });
    writeFileSync(clockFile, JSON.stringify({ offsetMs: clock.offset }));
    installTimeSource(() => clock.now());
    stops.push(() => {
      clock.stop();
      installTimeSource(undefined);
    });

    // DynamoDB Local (or the shared one of a test run).
    let dynamodbEndpoint = options.dynamoEndpoint;
    if (!dynamodbEndpoint) {
      const ddb: DynamoDbLocal = await startDynamoDbLocal({
        dataDir: ephemeral ? undefined : join(dataDir, 'dynamodb'),
      });
      stops.push(() => ddb.stop());
      dynamodbEndpoint = ddb.endpoint;
      log(`DynamoDB Local on ${ddb.endpoint} (pid ${ddb.pid})`);
    }
    const ddbClient = new DynamoDBClient({
      region: REGION,
      endpoint: dynamodbEndpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    stops.push(() => ddbClient.destroy());
    await ensureTable(ddbClient, tableName, tableDefinition);
    // The handlers reach DynamoDB through the contention layer, which can fail transactions with
    // TransactionConflict as DynamoDB does under load (POST /_local/dynamodb/faults).
    const contention = await startContentionLayer(dynamodbEndpoint, options.dynamoFaults);
    stops.push(() => contention.close());

    // Lambda: every handler of the task table, in-process.
    // A bulk notice's fan-out goes first on the shared cores (see LocalLambda's `priority`).
    const lambda = new LocalLambda({
      rootDir,
      region: REGION,
      accountId: ACCOUNT_ID,
      priority: ['start-bulk-cases'],
    });
    const substitutions: Record<string, string> = {};
    for (const task of options.workflowTasks ?? defaultTasks) {
      substitutions[task.substitutionKey] = lambda.register({
        functionName: task.functionName,
        handler: task.handler,
        exportName: task.exportName,
        timeoutSeconds: task.timeoutSeconds,
      });
    }
    // Functions that events invoke: bucket notifications (default timeout 60 s) and mail events.
    const notifications = options.bucketNotifications ?? defaultNotifications;
    const mailHandlers = options.mailEventHandlers ?? defaultMailEventHandlers;
    for (const fn of [
      ...notifications.map((n) => ({ ...n, timeoutSeconds: n.timeoutSeconds ?? 60 })),
      ...mailHandlers,
    ]) {
      const { functionName, handler, exportName, timeoutSeconds } = fn;
      lambda.register({ functionName, handler, exportName, timeoutSeconds });
    }

    // Events delivered to functions in the background (bucket notifications, mail events):
    // `settled()` waits for them.
    let deliveries = 0;
    const deliveryWaiters: (() => void)[] = [];
    const inBackground = async (what: string, work: () => Promise<void>): Promise<void> => {
      deliveries++;
      try {
        await work();
      } catch (error) {
        console.error(`local cloud: ${what} failed`, error);
      } finally {
        deliveries--;
        if (deliveries === 0) for (const waiter of deliveryWaiters.splice(0)) waiter();
      }
    };

    // S3, with object-created notifications delivered to the functions the bucket notifies.
    const s3 = await startLocalS3({
      dataDir: join(dataDir, 's3'),
      buckets: [EVIDENCE_BUCKET],
      credentials: LOCAL_CREDENTIALS,
      region: REGION,
      // The web app (on any loopback port) views evidence through presigned GETs.
      corsOrigins: ['http://127.0.0.1:*', 'http://localhost:*'],
      // Presigned POST policies are signed with real time (the SDK's clock), so expiry is checked
      // against real time too; advancing the virtual clock must not expire fresh upload links.
      onObjectCreated: async (record) => {
        // The evidence bucket notifies on uploads only (`evidence/`), as in infra/jobs-stack.ts.
        const targets = notifications.filter(
          (n) =>
            record.bucket === EVIDENCE_BUCKET &&
            n.bucket === 'evidence' &&
            record.key.startsWith('evidence/'),
        );
        await inBackground(`notification for s3://${record.bucket}/${record.key}`, async () => {
          for (const target of targets) {
            await lambda.invoke(target.functionName, s3Event(record));
          }
        });
      },
    });
    stops.push(() => s3.stop());

    const marketplace = await openDemoMarketplace({ dataDir, now: () => clock.now() });
    // A bounce or complaint reaches the mail-event functions as SES's event destination would.
    const mailbox = await openMailbox({
      dataDir,
      now: () => clock.now(),
      onDeliveryEvent: (event) => {
        const kind = event['detail-type'] === 'Email Bounced' ? 'bounce' : 'complaint';
        void inBackground(`mail event ${event.id}`, async () => {
          for (const target of mailHandlers.filter((h) => h.events.includes(kind))) {
            await lambda.invoke(target.functionName, event);
          }
        });
      },
    });
    stops.push(() => marketplace.flush());
    stops.push(() => mailbox.flush());

    // Step Functions, with executions and tokens kept on disk at every checkpoint.
    const store = new FileExecutionStore(join(dataDir, 'stepfunctions'));
    stops.push(() => store.close());
    // The state machines' role reads S3 objects for a distributed Map's item reader.
    const engineS3 = new S3Client({
      region: REGION,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
    });
    stops.push(() => engineS3.destroy());
    const engine = new LocalStepFunctions({
      clock,
      lambda,
      region: REGION,
      accountId: ACCOUNT_ID,
      store,
      log: (message, error) => console.error(message, error),
      readObject: async (bucket, key) => {
        const object = await engineS3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return Buffer.from(await object.Body!.transformToByteArray());
      },
    });
    stops.push(() => engine.shutdown());
    const stateMachineArns: Record<string, string> = {};
    for (const machine of options.stateMachines ?? defaultStateMachines) {
      const text = readFileSync(resolve(rootDir, machine.definitionFile), 'utf8');
      stateMachineArns[machine.name] = await engine.createStateMachine(
        machine.name,
        text,
        substitutions,
      );
    }

    const scheduler = new LocalScheduler({
      clock,
      lambda,
      jobs: options.scheduledJobs ?? defaultJobs,
      region: REGION,
      accountId: ACCOUNT_ID,
    });
    stops.push(() => scheduler.stop());

    // The AWS services endpoint (Step Functions and SES v2 protocols).
    const eventBus = new LocalEventBus(() => clock.now());
    const services: LocalServer = await startLoopbackServer(0, [
      createStepFunctionsApi(engine),
      mailbox.sesRoutes(),
      eventBus.apiRoutes(),
    ]);
    stops.push(() => services.close());

    const settled = async () => {
      for (;;) {
        // A notification of an upload is pending before its delivery starts (it waits for the
        // object's version): wait for those too.
        await s3.settled();
        await engine.settled();
        await scheduler.settled();
        if (deliveries === 0) {
          await new Promise((r) => setImmediate(r));
          if (deliveries === 0 && lambda.running === 0) return;
        } else {
          await new Promise<void>((r) => deliveryWaiters.push(r));
        }
      }
    };

    const port = options.port ?? 3000;
    // The API server starts last but its URL is needed in the handlers' env: bind first, then route.
    const handlers: Parameters<typeof startLoopbackServer>[1] = [];
    const api = await startLoopbackServer(port, handlers);
    stops.push(() => api.close());
    // The OIDC issuer URL names this server, so the browser sign-in can discover its endpoints.
    const issuer = await LocalIssuer.open(join(dataDir, 'issuer'), {
      url: `${api.url}${OIDC_BASE_PATH}`,
    });

    const endpoints = {
      dynamodb: contention.endpoint,
      s3: s3.endpoint,
      sfn: services.url,
      sesv2: services.url,
      marketplace: `${api.url}/_local/marketplace/api`,
    };
    const transparencyDatabase = new LocalTransparencyDatabase({
      token: LOCAL_TRANSPARENCY_DATABASE_TOKEN,
      now: () => new Date(clock.now()),
    });
    const env: Record<string, string> = {
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_S3: endpoints.s3,
      AWS_ENDPOINT_URL_SFN: endpoints.sfn,
      AWS_ENDPOINT_URL_SESV2: endpoints.sesv2,
      AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.sfn,
      EVENT_BUS_NAME: 'takedown-local',
      // A statement of reasons the Transparency Database would refuse fails its step locally.
      TRANSPARENCY_STRICT: 'true',
      // The submission job sends statements to the local stand-in of the database.
      TRANSPARENCY_DATABASE_URL: `${api.url}${TRANSPARENCY_DATABASE_PATH}/`,
      TRANSPARENCY_DATABASE_TOKEN: LOCAL_TRANSPARENCY_DATABASE_TOKEN,
      // s3rver stores aws-chunked framing as data under the SDK's default checksum mode.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      S3_FORCE_PATH_STYLE: 'true',
      TABLE_NAME: tableName,
      EVIDENCE_BUCKET,
      MARKETPLACE_API_URL: endpoints.marketplace,
      MAIL_FROM: 'no-reply@takedown.local.invalid',
      REVIEWERS_EMAIL: 'ip-reviewers@takedown.local.invalid',
      // Emails link to the portal's pages; locally the portal is served at the base URL.
      PORTAL_URL: api.url,
      POWERTOOLS_SERVICE_NAME: 'takedown',
      // The test runner sets it (Powertools then writes through the console it can hold back).
      POWERTOOLS_DEV: process.env.POWERTOOLS_DEV ?? 'false',
      LOG_LEVEL: (options.logger?.level ?? 'warn').toUpperCase(),
      // A bulk notice's fan-out is paced for AWS's StartExecution quota (FAN_OUT in
      // functions/domain/bulk-notice.ts); the local engine has no such quota.
      FAN_OUT_STARTS_PER_SECOND: '0',
      ...Object.fromEntries(
        Object.entries(stateMachineArns).map(([name, arn]) => [
          `${name.toUpperCase().replace(/-/g, '_')}_STATE_MACHINE_ARN`,
          arn,
        ]),
      ),
    };
    Object.assign(process.env, env);

    handlers.push(
      controlRouteGuard(),
      createApiGatewayRoutes({
        routes: options.routes ?? defaultRoutes,
        issuer,
        ...(options.logger ? { logRequest: logRequestsTo(options.logger) } : {}),
        resolveHandler: async (route) => {
          const mod = await import(pathToFileURL(resolve(rootDir, route.handler)).href);
          return mod[route.exportName ?? 'handler'] as ProxyHandler;
        },
      }),
      createControlRoutes({ issuer, users: demoUsers, clock, settle: settled, engine }),
      contention.routes(),
      marketplace.apiRoutes('/_local/marketplace/api'),
      marketplace.localRoutes(),
      mailbox.localRoutes(),
      transparencyDatabase.routes(),
      eventBus.localRoutes(),
      createOidcRoutes({ issuer, users: demoUsers, clientId: LOCAL_AUDIENCE }),
      createWebAppRoutes({
        config: (origin) => localWebConfig(origin, issuer.url!),
        // The issuer (when the app is opened on another loopback name) and the evidence storage.
        connectSources: [new URL(issuer.url!).origin, s3.endpoint],
      }),
    );

    if (options.seed !== false) {
      await marketplace.seed(demoMarketplace);
      const seeded = await seedDemoData(
        DynamoDBDocumentClient.from(ddbClient),
        tableName,
        new Date(clock.now()),
      );
      // Upload the demo evidence once; the bucket notification seals it like any other upload.
      if (seeded.evidenceCreated) {
        const s3Client = new S3Client({
          region: REGION,
          endpoint: s3.endpoint,
          forcePathStyle: true,
          credentials: LOCAL_CREDENTIALS,
          requestChecksumCalculation: 'WHEN_REQUIRED',
        });
        await s3Client.send(
          new PutObjectCommand({
            Bucket: EVIDENCE_BUCKET,
            Key: demoEvidence.key,
            Body: demoEvidence.body,
            ContentType: demoEvidence.contentType,
          }),
        );
        s3Client.destroy();
        await settled();
      }
    }

    if (ephemeral) stops.unshift(() => rmSync(dataDir, { recursive: true, force: true }));

    // Everything is up: resume what was running before the last stop, then start the schedules.
    const restoreStartedAt = performance.now();
    const persisted = store.load();
    const restored = { ...engine.restore(persisted), ms: 0 };
    store.compactTokens(engine.tokenRecords());
    restored.ms = Math.round(performance.now() - restoreStartedAt);
    if (restored.waiting + restored.rerun + restored.failed > 0) {
      log(
        `Resumed executions: ${restored.waiting} waiting, ${restored.rerun} re-running their state, ${restored.failed} not resumable`,
      );
    }
    scheduler.start();

    return {
      url: api.url,
      port: api.port,
      dataDir,
      endpoints,
      env,
      stateMachineArns,
      users: demoUsers,
      clock,
      engine,
      lambda,
      issuer,
      marketplace,
      mailbox,
      transparencyDatabase,
      s3,
      scheduler,
      restored,
      advance: async (ms) => new Date(await clock.advance(ms, settled)),
      settled,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    if (ephemeral) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The S3 event a bucket notification delivers to Lambda. */
function s3Event(record: {
  eventName: string;
  bucket: string;
  key: string;
  size: number;
  eTag?: string;
  eventTime: string;
}) {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: REGION,
        eventTime: record.eventTime,
        eventName: record.eventName,
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: record.bucket, arn: `arn:aws:s3:::${record.bucket}` },
          object: {
            key: encodeURIComponent(record.key).replace(/%2F/g, '/'),
            size: record.size,
            eTag: record.eTag,
          },
        },
      },
    ],
  };
}
