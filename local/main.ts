import { ensureWebBuild } from '../web/build.ts';
import { startLocalCloud } from './cloud.ts';
import { createLocalLogger, parseLogLevel } from './log.ts';

/**
 * `npm start`: brings the local cloud up on 127.0.0.1:${PORT:-3000} with data in ${DATA_DIR:-.data},
 * prints the base URL, one Bearer token per demo user and a curl example, logs each API request
 * at ${LOG_LEVEL:-info}, and stops everything on Ctrl-C or SIGTERM.
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const dataDir = process.env.DATA_DIR ?? '.data';
  // The web app is built here when web/ changed since the last build (seconds), else reused.
  const web = await ensureWebBuild((line) => console.log(`  ${line}`));
  const logger = createLocalLogger(parseLogLevel(process.env.LOG_LEVEL));
  const cloud = await startLocalCloud({
    port,
    dataDir,
    logger,
    log: (line) => console.log(`  ${line}`),
  });
  const readyMs = Math.round(performance.now() - startedAt);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local cloud...`);
    await cloud.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const users = await Promise.all(
    cloud.users.map(async (u) => ({ ...u, token: await cloud.issuer.mint(u) })),
  );
  const rightsHolder = users.find((u) => u.groups.includes('rights-holder'));
  const lines = [
    '',
    `Takedown local cloud ready in ${readyMs} ms`,
    '',
    `  Web app      ${cloud.url}/   (sign in as any demo user${web.built ? `; built in ${web.ms} ms` : ''})`,
    `  API          ${cloud.url}/v1   (health: ${cloud.url}/v1/health)`,
    `  OIDC issuer  ${cloud.issuer.url}   (discovery: ${cloud.issuer.url}/.well-known/openid-configuration)`,
    `  Local tools  ${cloud.url}/_local/users  /_local/tokens  /_local/clock/advance  /_local/mailbox?to=  /_local/mailbox/bounces  /_local/dynamodb/faults  /_local/marketplace/listings`,
    `  Data         ${cloud.dataDir}`,
    `  AWS APIs     DynamoDB ${cloud.endpoints.dynamodb}  S3 ${cloud.endpoints.s3}  Step Functions + SES ${cloud.endpoints.sfn}`,
    `  Clock        ${new Date(cloud.clock.now()).toISOString()}`,
    '',
    'Demo users (Bearer tokens, valid 30 days; GET /_local/users returns fresh ones):',
    ...users.flatMap((u) => [
      `  ${u.name.padEnd(11)} groups=${u.groups.join(',')}${u.rightsHolderId ? ` rightsHolderId=${u.rightsHolderId}` : ''}${u.sellerId ? ` sellerId=${u.sellerId}` : ''}`,
      `    ${u.token}`,
    ]),
    '',
    'Try:',
    `  curl -s ${cloud.url}/v1/health`,
    `  TOKEN=$(curl -s ${cloud.url}/_local/users | node -pe 'JSON.parse(require("fs").readFileSync(0))[0].token')`,
    `  curl -s -H "Authorization: Bearer $TOKEN" ${cloud.url}/v1/health`,
    `  curl -s ${cloud.url}/_local/marketplace/listings?sellerId=seller-1`,
    `  curl -s -X POST ${cloud.url}/_local/clock/advance -H 'content-type: application/json' -d '{"by":"P15D"}'`,
    '',
    rightsHolder
      ? `(${rightsHolder.name} is a verified rights holder with verified IP rights in US, EU and CN.)`
      : '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
