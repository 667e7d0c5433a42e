import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_AUDIENCE, LOCALES, type Locale } from '../../functions/domain/locale.ts';
import type { ListingStatus } from '../../functions/domain/ports/marketplace.ts';

/** A seller account's status on the marketplace; a measure of 'none' shows as 'active'. */
export type SellerStatus = 'active' | 'warned' | 'restricted' | 'suspended' | 'terminated';

/** What the marketplace did, and for which case: the demo's audit log. */
export interface MarketplaceAction {
  at: string;
  action: 'disable' | 'restore' | 'warn' | 'restrict' | 'suspend' | 'terminate' | 'reinstate';
  sellerId: string;
  listingId?: string;
  caseId?: string;
  reason?: string;
}

/** The local view of a seller. */
export interface SellerView {
  sellerId: string;
  status: SellerStatus;
  email: string;
  locale: Locale;
  timeZone: string;
  actions: MarketplaceAction[];
}

/** Data to seed; entries whose id already exists are left as they are. */
export interface MarketplaceSeed {
  sellers?: {
    sellerId: string;
    email?: string;
    status?: SellerStatus;
    locale?: Locale;
    timeZone?: string;
  }[];
  listings?: {
    listingId: string;
    sellerId: string;
    title: string;
    sellerEmail?: string;
    status?: ListingStatus;
  }[];
}

const sellerStatusSchema = z.enum(['active', 'warned', 'restricted', 'suspended', 'terminated']);
const stateSchema = z.object({
  version: z.literal(1),
  sellers: z.record(
    z.string(),
    z.object({
      sellerId: z.string(),
      email: z.string(),
      status: sellerStatusSchema,
      // Absent in state written before sellers had them.
      locale: z.enum(LOCALES).default(DEFAULT_AUDIENCE.locale),
      timeZone: z.string().default(DEFAULT_AUDIENCE.timeZone),
    }),
  ),
  listings: z.record(
    z.string(),
    z.object({
      listingId: z.string(),
      sellerId: z.string(),
      title: z.string(),
      url: z.string(),
      status: z.enum(['active', 'disabled', 'deleted']),
      // Absent in state written before listings had it: the start of the demo's time.
      createdAt: z.string().default(new Date(0).toISOString()),
    }),
  ),
  actions: z.array(
    z.object({
      at: z.string(),
      action: z.enum([
        'disable',
        'restore',
        'warn',
        'restrict',
        'suspend',
        'terminate',
        'reinstate',
      ]),
      sellerId: z.string(),
      listingId: z.string().optional(),
      caseId: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
  /** Each seller's inbox in its seller centre, oldest first (absent in older state). */
  inboxes: z
    .record(
      z.string(),
      z.array(
        z.object({
          messageId: z.string(),
          caseId: z.string(),
          subject: z.string(),
          text: z.string(),
          locale: z.enum(LOCALES),
          sentAt: z.string(),
        }),
      ),
    )
    .default({}),
});
/** Everything the demo marketplace keeps, as stored in marketplace.json. */
export type State = z.infer<typeof stateSchema>;

export function emptyState(): State {
  return { version: 1, sellers: {}, listings: {}, actions: [], inboxes: {} };
}

/** Reads `${dataDir}/marketplace.json`, or an empty state when there is none yet. */
export async function readState(dataDir: string): Promise<State> {
  await mkdir(dataDir, { recursive: true });
  const file = stateFile(dataDir);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return emptyState();
  const parsed = stateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${file} is not a demo marketplace state: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Writes the state whole: a temp file, then a rename, so a crash never leaves half a file. */
export async function writeState(dataDir: string, state: State): Promise<void> {
  const file = stateFile(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(state, null, 2));
  await rename(temp, file);
}

function stateFile(dataDir: string): string {
  return join(dataDir, 'marketplace.json');
}
