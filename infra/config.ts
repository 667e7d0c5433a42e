import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { z } from 'zod';

/** The log retentions CloudWatch accepts, in days. */
const RETENTIONS = new Set<number>(
  Object.values(RetentionDays).filter((days): days is number => typeof days === 'number'),
);

/** Context values arrive as strings from `cdk -c key=value`, and as JSON values from cdk.json. */
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = (fallback: boolean) =>
  z
    .union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')])
    .default(fallback);

/**
 * The deploy-time settings, read from CDK context (`cdk.json` or `cdk -c key=value`) and validated
 * once. Every key is optional; the defaults suit a trial deployment.
 */
export const configSchema = z
  .object({
    /**
     * The portal's origin: the only origin CORS admits, on the API and on the evidence bucket's
     * presigned POST. @default 'https://portal.example.com'
     */
    portalOrigin: z
      .url({ protocol: /^https?$/ })
      .refine((value) => new URL(value).origin === value, 'an origin, with no path or trailing /')
      .default('https://portal.example.com'),
    /** The SES sender of every notification (a verified identity). @default 'no-reply@example.com' */
    mailFrom: z.string().regex(/@/, 'an email address').default('no-reply@example.com'),
    /** The marketplace API's base URL. @default 'https://marketplace.example.com/api' */
    marketplaceApiUrl: z
      .url({ protocol: /^https$/ })
      .default('https://marketplace.example.com/api'),
    /**
     * The name of a Secrets Manager secret holding the marketplace API's credentials. When set,
     * functions that call the marketplace may read it (env `MARKETPLACE_SECRET_ARN`).
     * @default undefined (no secret)
     */
    marketplaceSecretName: z.string().min(1).optional(),
    /**
     * The DSA Transparency Database's base URL (its sandbox first, then production), where the
     * submission job sends EU statements of reasons. @default 'https://transparency.dsa.ec.europa.eu'
     */
    transparencyDatabaseUrl: z
      .url({ protocol: /^https$/ })
      .default('https://transparency.dsa.ec.europa.eu'),
    /**
     * The name of a Secrets Manager secret holding the database's API token. Without it the
     * submission job submits nothing (statements wait, listed by GET /v1/transparency/statements).
     * @default undefined
     */
    transparencyDatabaseTokenSecretName: z.string().min(1).optional(),
    /** Retention of every log group, in days (a value CloudWatch accepts). @default 90 */
    logRetentionDays: z.coerce
      .number()
      .refine((days) => RETENTIONS.has(days), 'a retention CloudWatch accepts, e.g. 30, 90, 365')
      .default(90),
    /** Days before evidence moves to S3 Standard-IA (S3 requires at least 30). @default 30 */
    evidenceInfrequentAccessAfterDays: z.coerce.number().int().min(30).default(30),
    /** Days before evidence moves to Glacier Instant Retrieval. @default 365 */
    evidenceArchiveAfterDays: count(365),
    /** Days the server access logs of the evidence bucket are kept. @default 365 */
    accessLogExpirationDays: count(365),
    /** Stage-wide steady request rate, per second. @default 50 */
    apiRateLimit: count(50),
    /** Stage-wide burst. @default 100 */
    apiBurstLimit: count(100),
    /** Requests one IP may make in 5 minutes before WAF blocks it. @default 1000 */
    wafRequestsPer5Minutes: z.coerce.number().int().min(10).default(1000),
    /**
     * Cognito threat protection (the Plus plan, paid per monthly active user): compromised-credential
     * checks and adaptive authentication on every sign-in. @default false
     */
    threatProtection: flag(false),
    /** Deploy GuardDuty Malware Protection for S3 on the evidence bucket. @default true */
    malwareProtection: flag(true),
    /**
     * Deploy the demo marketplace and point the service at it instead of `marketplaceApiUrl`, so a
     * trial deployment works end to end. @default false
     */
    demoMarketplace: flag(false),
    /**
     * Where the runbooks are read (docs/runbooks.md as published, e.g. in your repository host):
     * every alarm's description links its section. @default 'docs/runbooks.md' (in the repository)
     */
    runbooksUrl: z.string().min(1).default('docs/runbooks.md'),
    /** An email address subscribed to the alarm topic. @default undefined (no subscription) */
    alarmEmail: z.email().optional(),
    /**
     * The reviewers' shared address: escalated reviews and overdue cases are emailed there, once
     * per task. @default undefined (no alert mail; the alarms still fire)
     */
    reviewersEmail: z.email().optional(),
    /**
     * A custom domain for the web app (with `portalCertificateArn`, an ACM certificate in
     * us-east-1). Set `portalOrigin` to `https://<this domain>` so CORS and uploads admit it.
     * @default undefined (the distribution's own *.cloudfront.net domain)
     */
    portalDomainName: z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain name')
      .optional(),
    /** The ACM certificate (us-east-1) of `portalDomainName`. @default undefined */
    portalCertificateArn: z
      .string()
      .regex(
        /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/,
        'an ACM certificate ARN in us-east-1',
      )
      .optional(),
    /**
     * The Cognito managed-login domain prefix (`<prefix>.auth.<region>.amazoncognito.com`),
     * unique in the region. @default `takedown-<account id>`
     */
    cognitoDomainPrefix: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and hyphens')
      .refine(
        (p) => !/aws|amazon|cognito/.test(p),
        'Cognito refuses prefixes with aws, amazon or cognito',
      )
      .optional(),
  })
  .refine((c) => Boolean(c.portalDomainName) === Boolean(c.portalCertificateArn), {
    message: 'portalDomainName and portalCertificateArn go together',
    path: ['portalCertificateArn'],
  });

export type AppConfig = z.infer<typeof configSchema>;

/** Reads and validates the config from CDK context; throws naming every bad key. */
export function loadConfig(node: Node): AppConfig {
  const raw = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, node.tryGetContext(key)]),
  );
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid CDK context: ${problems}`);
  }
  return result.data;
}
