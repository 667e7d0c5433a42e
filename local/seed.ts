import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../functions/routes.ts';
import type { MarketplaceSeed } from './marketplace/index.ts';

/** A demo identity that `npm start` prints a token for. */
export interface DemoUser {
  name: string;
  groups: Role[];
  sub: string;
  rightsHolderId?: string;
  sellerId?: string;
  email: string;
}

export const demoUsers: readonly DemoUser[] = [
  {
    name: 'acme-brand',
    groups: ['rights-holder'],
    sub: 'demo-rights-holder',
    rightsHolderId: 'rh-acme',
    email: 'ip@acme.demo.invalid',
  },
  {
    name: 'reviewer',
    groups: ['reviewer'],
    sub: 'demo-reviewer',
    email: 'reviewer@platform.demo.invalid',
  },
  {
    name: 'seller-1',
    groups: ['seller'],
    sub: 'demo-seller-1',
    sellerId: 'seller-1',
    email: 'seller-1@sellers.demo.invalid',
  },
  {
    name: 'seller-2',
    groups: ['seller'],
    sub: 'demo-seller-2',
    sellerId: 'seller-2',
    email: 'seller-2@sellers.demo.invalid',
  },
  { name: 'admin', groups: ['admin'], sub: 'demo-admin', email: 'admin@platform.demo.invalid' },
];

export const demoMarketplace: MarketplaceSeed = {
  sellers: [
    {
      sellerId: 'seller-1',
      email: 'seller-1@sellers.demo.invalid',
      locale: 'en',
      timeZone: 'America/New_York',
    },
    {
      sellerId: 'seller-2',
      email: 'seller-2@sellers.demo.invalid',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    },
  ],
  listings: [
    {
      listingId: 'lst-s1-001',
      sellerId: 'seller-1',
      title: 'ACME Roadrunner running shoes (replica)',
    },
    { listingId: 'lst-s1-002', sellerId: 'seller-1', title: 'ACME logo hoodie' },
    { listingId: 'lst-s1-003', sellerId: 'seller-1', title: 'Generic running socks' },
    { listingId: 'lst-s2-001', sellerId: 'seller-2', title: 'ACME anvil, cast iron, 50 kg' },
    {
      listingId: 'lst-s2-002',
      sellerId: 'seller-2',
      title: 'Coyote-proof rocket skates user manual (PDF)',
    },
  ],
};

/** A sealed piece of evidence of the demo rights holder (its trademark registration certificate). */
export const demoEvidence = {
  evidenceId: 'ev-acme-certificate',
  key: 'evidence/ev-acme-certificate',
  fileName: 'acme-trademark-certificate.txt',
  contentType: 'text/plain',
  body: 'ACME trademark registration certificate (demo): US-5550123, EUTM-018000123, CN-60000123.\n',
};

/**
 * Seeds a verified rights holder with verified IP rights, linked to the demo rights-holder user.
 * Items are written only where absent, so a restart keeps what users changed.
 */
export async function seedDemoData(
  db: DynamoDBDocumentClient,
  tableName: string,
  now: Date,
): Promise<{ evidenceCreated: boolean }> {
  const at = now.toISOString();
  let evidenceCreated = false;
  const rightsHolder = demoUsers[0]!;
  const body = Buffer.from(demoEvidence.body);
  const items: Record<string, unknown>[] = [
    {
      pk: `RH#${rightsHolder.rightsHolderId}`,
      sk: 'PROFILE',
      type: 'RightsHolder',
      rightsHolderId: rightsHolder.rightsHolderId,
      ownerSub: rightsHolder.sub,
      legalName: 'ACME Brands Ltd',
      entityType: 'company',
      country: 'US',
      address: '1 Canyon Road, Phoenix, AZ 85001, US',
      email: rightsHolder.email,
      phone: '+1-602-555-0100',
      status: 'verified',
      createdAt: at,
      verifiedAt: at,
    },
    {
      pk: `SUB#${rightsHolder.sub}`,
      sk: 'RIGHTS_HOLDER',
      type: 'RightsHolderLink',
      rightsHolderId: rightsHolder.rightsHolderId,
      createdAt: at,
    },
    ...[
      {
        id: 'ipr-acme-tm-us',
        kind: 'trademark',
        title: 'ACME',
        registrationNumber: 'US-5550123',
        jurisdiction: 'US',
      },
      {
        id: 'ipr-acme-cr-us',
        kind: 'copyright',
        title: 'Roadrunner product photography 2025',
        jurisdiction: 'US',
      },
      {
        id: 'ipr-acme-tm-eu',
        kind: 'trademark',
        title: 'ACME',
        registrationNumber: 'EUTM-018000123',
        jurisdiction: 'EU',
      },
      {
        id: 'ipr-acme-tm-cn',
        kind: 'trademark',
        title: 'ACME',
        registrationNumber: 'CN-60000123',
        jurisdiction: 'CN',
      },
    ].map((ipr) => ({
      pk: `IPR#${ipr.id}`,
      sk: 'IPR',
      type: 'IpRight',
      ipRightId: ipr.id,
      rightsHolderId: rightsHolder.rightsHolderId,
      kind: ipr.kind,
      title: ipr.title,
      registrationNumber: ipr.registrationNumber,
      jurisdiction: ipr.jurisdiction,
      owner: 'ACME Brands Ltd',
      validUntil: '2035-12-31',
      status: 'verified',
      createdAt: at,
      verifiedAt: at,
      gsi1pk: `RH#${rightsHolder.rightsHolderId}`,
      gsi1sk: `IPR#${at}#${ipr.id}`,
    })),
  ];
  items.push({
    pk: `EVIDENCE#${demoEvidence.evidenceId}`,
    sk: 'EVIDENCE',
    type: 'Evidence',
    evidenceId: demoEvidence.evidenceId,
    owner: `RH#${rightsHolder.rightsHolderId}`,
    fileName: demoEvidence.fileName,
    contentType: demoEvidence.contentType,
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    // Sealed by the real sealing function, on the upload the local cloud makes right after.
    status: 'pending_upload',
    createdAt: at,
    uploadExpiresAt: at,
    gsi1pk: `OWNER#RH#${rightsHolder.rightsHolderId}`,
    gsi1sk: `EVIDENCE#${at}#${demoEvidence.evidenceId}`,
  });
  for (const item of items) {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      if (item.type === 'Evidence') evidenceCreated = true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  return { evidenceCreated };
}
