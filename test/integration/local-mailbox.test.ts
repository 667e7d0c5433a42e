import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadRequestException, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmailMessage } from '../../functions/domain/ports/notifier.ts';
import { type LocalServer, startLoopbackServer } from '../../local/http.ts';
import { type Mailbox, openMailbox, type SesDeliveryEvent } from '../../local/mailbox/index.ts';

// ses-client.ts reads AWS_REGION at load; this test passes its own client anyway.
vi.hoisted(() => {
  process.env.AWS_REGION ??= 'eu-west-1';
});

const { SesNotifier } = await import('../../functions/adapters/notifier-ses.ts');

let dataDir: string;
let clockMs: number;
let mailbox: Mailbox;
let server: LocalServer;
let client: SESv2Client;
let notifier: InstanceType<typeof SesNotifier>;

async function serve(instance: Mailbox): Promise<void> {
  server = await startLoopbackServer(0, [instance.sesRoutes(), instance.localRoutes()]);
  client = new SESv2Client({
    endpoint: server.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  notifier = new SesNotifier({ client, fromAddress: 'Takedown <notices@takedown.example>' });
}

function email(overrides: Partial<EmailMessage> = {}): EmailMessage {
  return {
    to: 'seller-1@example.com',
    subject: 'Your listing lst-1 was removed',
    text: 'Statement of reasons: …',
    html: '<p>Statement of reasons: …</p>',
    locale: 'en',
    role: 'seller',
    template: 'statement-of-reasons',
    caseId: 'case-01',
    idempotencyKey: 'case-01:notify-seller',
    ...overrides,
  };
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'local-mailbox-'));
  clockMs = Date.parse('2030-01-01T00:00:00.000Z');
  mailbox = await openMailbox({ dataDir, now: () => clockMs });
  await serve(mailbox);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  client.destroy();
  await server.close();
  await mailbox.flush();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Local cloud: mailbox behind SesNotifier and the real SES v2 client', () => {
  it('delivers the message with to, subject, text, HTML, locale, template and case id', async () => {
    const { messageId } = await notifier.sendEmail(email());

    expect(messageId).toMatch(/^local-/);
    expect(mailbox.list('seller-1@example.com')).toEqual([
      {
        messageId,
        from: 'Takedown <notices@takedown.example>',
        to: 'seller-1@example.com',
        subject: 'Your listing lst-1 was removed',
        text: 'Statement of reasons: …',
        html: '<p>Statement of reasons: …</p>',
        locale: 'en',
        at: '2030-01-01T00:00:00.000Z',
        template: 'statement-of-reasons',
        caseId: 'case-01',
      },
    ]);
  });

  it('does not deliver a resend with the same idempotency key, and answers the same id', async () => {
    const first = await notifier.sendEmail(email());
    const second = await notifier.sendEmail(email({ subject: 'retried' }));
    const concurrent = await Promise.all([
      notifier.sendEmail(email({ idempotencyKey: 'case-01:notify-holder' })),
      notifier.sendEmail(email({ idempotencyKey: 'case-01:notify-holder' })),
    ]);

    expect(second.messageId).toBe(first.messageId);
    expect(concurrent[1].messageId).toBe(concurrent[0].messageId);
    expect(mailbox.list('seller-1@example.com')).toHaveLength(2);
  });

  it('lists one address newest first over GET /_local/mailbox', async () => {
    await notifier.sendEmail(email({ subject: 'first', idempotencyKey: 'k1' }));
    clockMs += 60_000;
    await notifier.sendEmail(email({ subject: 'second', idempotencyKey: 'k2' }));
    await notifier.sendEmail(
      email({ to: 'holder@brand.example', subject: 'other', idempotencyKey: 'k3' }),
    );

    const response = await fetch(`${server.url}/_local/mailbox?to=seller-1%40example.com`);
    const body = (await response.json()) as {
      items: { subject: string; at: string; to: string }[];
    };

    expect(response.status).toBe(200);
    expect(body.items.map((item) => item.subject)).toEqual(['second', 'first']);
    expect(body.items.every((item) => item.to === 'seller-1@example.com')).toBe(true);
    expect(body.items[0]).toMatchObject({
      at: '2030-01-01T00:01:00.000Z',
      template: 'statement-of-reasons',
      caseId: 'case-01',
    });
  });

  it('orders messages sent at the same instant by arrival, newest first', async () => {
    await notifier.sendEmail(email({ subject: 'a', idempotencyKey: 'k1' }));
    await notifier.sendEmail(email({ subject: 'b', idempotencyKey: 'k2' }));

    expect(mailbox.list('seller-1@example.com').map((item) => item.subject)).toEqual(['b', 'a']);
  });

  it('answers 400 problem+json when `to` is missing or not an email', async () => {
    const missing = await fetch(`${server.url}/_local/mailbox`);
    const invalid = await fetch(`${server.url}/_local/mailbox?to=not-an-email`);

    expect(missing.status).toBe(400);
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toBe('application/problem+json');
    expect(await invalid.json()).toMatchObject({ errors: [{ path: 'to' }] });
  });

  it('refuses an invalid SendEmail the way SES does, delivering nothing', async () => {
    const error = await client
      .send(
        new SendEmailCommand({
          FromEmailAddress: 'notices@takedown.example',
          Destination: { ToAddresses: ['not-an-email'] },
          Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
        }),
      )
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toContain('ToAddresses');
    expect(mailbox.list()).toEqual([]);
  });

  it('keeps messages and idempotency across a reopen of the same dataDir', async () => {
    const first = await notifier.sendEmail(email());
    client.destroy();
    await server.close();
    await mailbox.flush();

    mailbox = await openMailbox({ dataDir, now: () => clockMs });
    await serve(mailbox);
    const resend = await notifier.sendEmail(email());

    expect(resend.messageId).toBe(first.messageId);
    expect(mailbox.list('seller-1@example.com')).toHaveLength(1);
    const lines = (await readFile(join(dataDir, 'mailbox.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
  });

  it('skips a torn last line left by a crash mid-append', async () => {
    await notifier.sendEmail(email());
    await mailbox.flush();
    const file = join(dataDir, 'mailbox.jsonl');
    await import('node:fs/promises').then((fs) => fs.appendFile(file, '{"messageId":"torn'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const reopened = await openMailbox({ dataDir });

    expect(reopened.list()).toHaveLength(1);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('reaches the mailbox through the module-level client via AWS_ENDPOINT_URL_SESV2', async () => {
    // Prepare: the env the local cloud gives a handler, then a fresh load of the adapters
    vi.stubEnv('AWS_ENDPOINT_URL_SESV2', server.url);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('MAIL_FROM', 'notices@takedown.example');
    vi.resetModules();
    const fresh = await import('../../functions/adapters/notifier-ses.ts');
    const { sesClient } = await import('../../functions/adapters/ses-client.ts');

    // Act
    const { messageId } = await new fresh.SesNotifier().sendEmail(email());
    sesClient.destroy();

    // Assess
    expect(mailbox.list('seller-1@example.com')).toMatchObject([
      { messageId, from: 'notices@takedown.example' },
    ]);
  });
});

describe('Local cloud: mailbox bounces and complaints', () => {
  it('bounces mail to an address it was told to bounce, with the SES event the service records', async () => {
    // Prepare
    const events: SesDeliveryEvent[] = [];
    mailbox = await openMailbox({ now: () => clockMs, onDeliveryEvent: (e) => events.push(e) });
    await server.close();
    await serve(mailbox);
    const told = await fetch(`${server.url}/_local/mailbox/bounces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: 'Seller-1@Example.com' }),
    });

    // Act
    const { messageId } = await notifier.sendEmail(email());
    await notifier.sendEmail(email({ to: 'other@example.com', idempotencyKey: 'k-2' }));

    // Assess
    expect(told.status).toBe(200);
    expect(mailbox.list('seller-1@example.com')[0]).toMatchObject({ delivery: 'bounce' });
    expect(mailbox.list('other@example.com')[0]?.delivery).toBeUndefined();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      'detail-type': 'Email Bounced',
      source: 'aws.ses',
      detail: {
        eventType: 'Bounce',
        bounce: { bounceType: 'Permanent' },
        mail: {
          messageId,
          tags: { template: ['statement-of-reasons'], caseId: ['case-01'], role: ['seller'] },
        },
      },
    });
  });

  it('reports a complaint when told to, and refuses a body without an address (400)', async () => {
    // Prepare
    const events: SesDeliveryEvent[] = [];
    mailbox = await openMailbox({ now: () => clockMs, onDeliveryEvent: (e) => events.push(e) });
    await server.close();
    await serve(mailbox);
    const post = (body: unknown) =>
      fetch(`${server.url}/_local/mailbox/bounces`, { method: 'POST', body: JSON.stringify(body) });

    // Act
    const bad = await post({ kind: 'complaint' });
    const good = await post({ address: 'seller-1@example.com', kind: 'complaint' });
    await notifier.sendEmail(email());

    // Assess
    expect(bad.status).toBe(400);
    expect(good.status).toBe(200);
    expect(events.map((e) => e['detail-type'])).toEqual(['Email Complaint Received']);
  });
});
