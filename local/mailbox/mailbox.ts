import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RouteHandler } from '../http.ts';
import { mailboxLocalRoutes } from './local-routes.ts';
import { mailboxSesRoutes } from './ses-routes.ts';

/** One delivered copy of an email, as one recipient sees it. */
export interface MailboxItem {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The `locale` tag, when the sender set one. */
  locale?: string;
  /** ISO 8601, from the mailbox's clock. */
  at: string;
  /** The `template` tag; 'none' when the sender set no tag. */
  template: string;
  caseId?: string;
  /** Set when the address was told to bounce or complain (`POST /_local/mailbox/bounces`). */
  delivery?: DeliveryFault;
}

/** What happens to mail for an address: it bounces, or is delivered and its reader complains. */
export type DeliveryFault = 'bounce' | 'complaint';

/**
 * The SES event of a bounce or complaint, as EventBridge delivers it from a configuration set's
 * event destination: what functions/events/record-mail-event.ts reads.
 */
export interface SesDeliveryEvent {
  version: '0';
  id: string;
  'detail-type': 'Email Bounced' | 'Email Complaint Received';
  source: 'aws.ses';
  time: string;
  detail: Record<string, unknown>;
}

/** A stored line of mailbox.jsonl: the item plus the idempotency key it was sent under. */
const storedSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  locale: z.string().optional(),
  at: z.string(),
  template: z.string(),
  caseId: z.string().optional(),
  delivery: z.enum(['bounce', 'complaint']).optional(),
  idempotencyKey: z.string().optional(),
});
type Stored = z.infer<typeof storedSchema>;

/** An email as accepted by the SES facade. */
export interface OutgoingEmail {
  from: string;
  recipients: string[];
  subject: string;
  text: string;
  html?: string;
  /** Every SES message tag, by name. */
  tags?: Record<string, string>;
  idempotencyKey?: string;
}

export interface MailboxOptions {
  /** Where `mailbox.jsonl` lives; without it messages live in memory. */
  dataDir?: string;
  /** The clock for `at`. @default Date.now */
  now?: () => number;
  /**
   * Receives the SES event of each bounce or complaint, as the configuration set's event
   * destination would deliver it. @default none (faults are recorded on the items only)
   */
  onDeliveryEvent?: (event: SesDeliveryEvent) => void;
}

/**
 * The local cloud's mailbox: every email the service sends lands here, one copy per recipient.
 * It takes mail over the SES v2 protocol (see ses-routes.ts), so the adapters run unchanged.
 * Create it with {@link openMailbox}.
 */
export class Mailbox {
  readonly #items: Stored[];
  /** Idempotency key → the message sent under it, and the write that made it durable. */
  readonly #sent = new Map<string, { messageId: string; written: Promise<void> }>();
  readonly #file: string | undefined;
  readonly #now: () => number;
  readonly #onDeliveryEvent: ((event: SesDeliveryEvent) => void) | undefined;
  /** Lower-cased address → what its mail does. In memory: a restart delivers normally again. */
  readonly #faults = new Map<string, DeliveryFault>();
  #writes: Promise<void> = Promise.resolve();

  constructor(items: Stored[], options: MailboxOptions) {
    this.#items = items;
    this.#file = options.dataDir ? join(options.dataDir, 'mailbox.jsonl') : undefined;
    this.#now = options.now ?? Date.now;
    this.#onDeliveryEvent = options.onDeliveryEvent;
    for (const item of items) {
      if (item.idempotencyKey && !this.#sent.has(item.idempotencyKey)) {
        this.#sent.set(item.idempotencyKey, {
          messageId: item.messageId,
          written: Promise.resolve(),
        });
      }
    }
  }

  /**
   * Delivers an email. A second delivery under the same idempotency key delivers nothing and
   * answers the first message's id, once that one is on disk.
   */
  async deliver(email: OutgoingEmail): Promise<{ messageId: string }> {
    const key = email.idempotencyKey;
    const earlier = key === undefined ? undefined : this.#sent.get(key);
    if (earlier) {
      await earlier.written;
      return { messageId: earlier.messageId };
    }
    const messageId = `local-${randomUUID()}`;
    const at = new Date(this.#now()).toISOString();
    const tags = email.tags ?? {};
    const copies: Stored[] = email.recipients.map((to) => {
      const fault = this.#faults.get(to.toLowerCase());
      return {
        messageId,
        from: email.from,
        to,
        subject: email.subject,
        text: email.text,
        ...(email.html === undefined ? {} : { html: email.html }),
        ...(tags.locale === undefined ? {} : { locale: tags.locale }),
        at,
        template: tags.template ?? 'none',
        ...(tags.caseId === undefined ? {} : { caseId: tags.caseId }),
        ...(fault ? { delivery: fault } : {}),
        ...(key === undefined ? {} : { idempotencyKey: key }),
      };
    });
    this.#items.push(...copies);
    const written = this.#append(copies);
    if (key !== undefined) this.#sent.set(key, { messageId, written });
    await written;
    for (const copy of copies) {
      if (copy.delivery) this.#onDeliveryEvent?.(deliveryEvent(copy, copy.delivery, email, tags));
    }
    return { messageId };
  }

  /** Makes mail to `address` bounce (or draw a complaint) from now on, until the mailbox restarts. */
  setDeliveryFault(address: string, fault: DeliveryFault): void {
    this.#faults.set(address.toLowerCase(), fault);
  }

  /** The messages to `to` (case-insensitive), or all of them, newest first. */
  list(to?: string): MailboxItem[] {
    const wanted = to?.toLowerCase();
    return this.#items
      .map((item, sequence) => ({ item, sequence }))
      .filter(({ item }) => wanted === undefined || item.to.toLowerCase() === wanted)
      .sort((a, b) => b.item.at.localeCompare(a.item.at) || b.sequence - a.sequence)
      .map(({ item: { idempotencyKey: _key, ...item } }) => item);
  }

  /** `POST /v2/email/outbound-emails`: the SES v2 SendEmail facade. */
  sesRoutes(): RouteHandler {
    return mailboxSesRoutes(this);
  }

  /** `GET /_local/mailbox?to=`, `POST /_local/mailbox/bounces`. */
  localRoutes(): RouteHandler {
    return mailboxLocalRoutes(this);
  }

  /** Resolves once every message so far is on disk. */
  async flush(): Promise<void> {
    await this.#writes;
  }

  /** Appends one JSON line per copy, one append at a time, so lines never interleave. */
  #append(copies: Stored[]): Promise<void> {
    const file = this.#file;
    if (!file) return Promise.resolve();
    const lines = copies.map((copy) => `${JSON.stringify(copy)}\n`).join('');
    const next = this.#writes.catch(() => undefined).then(() => appendFile(file, lines));
    this.#writes = next;
    return next;
  }
}

/**
 * Opens the mailbox, reading `${dataDir}/mailbox.jsonl` when it exists. A torn last line
 * (a crash mid-append) is skipped with a warning rather than refusing to start.
 */
export async function openMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const items: Stored[] = [];
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    const file = join(options.dataDir, 'mailbox.jsonl');
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    for (const [index, line] of text.split('\n').entries()) {
      if (line.trim() === '') continue;
      const parsed = storedSchema.safeParse(safeJson(line));
      if (parsed.success) items.push(parsed.data);
      else console.warn(`mailbox: skipping unreadable line ${index + 1} of ${file}`);
    }
  }
  return new Mailbox(items, options);
}

/** The SES event for one copy that bounced or drew a complaint. */
function deliveryEvent(
  copy: Stored,
  fault: DeliveryFault,
  email: OutgoingEmail,
  tags: Record<string, string>,
): SesDeliveryEvent {
  const mail = {
    timestamp: copy.at,
    source: email.from,
    messageId: copy.messageId,
    destination: [copy.to],
    tags: Object.fromEntries(Object.entries(tags).map(([name, value]) => [name, [value]])),
  };
  const detail =
    fault === 'bounce'
      ? {
          eventType: 'Bounce',
          mail,
          bounce: {
            bounceType: 'Permanent',
            bounceSubType: 'General',
            bouncedRecipients: [{ emailAddress: copy.to }],
            timestamp: copy.at,
          },
        }
      : {
          eventType: 'Complaint',
          mail,
          complaint: { complainedRecipients: [{ emailAddress: copy.to }], timestamp: copy.at },
        };
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': fault === 'bounce' ? 'Email Bounced' : 'Email Complaint Received',
    source: 'aws.ses',
    time: copy.at,
    detail,
  };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
