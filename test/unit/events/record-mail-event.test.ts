import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENV } from '../api/support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/events/record-mail-event.ts');

const db = mockClient(DynamoDBDocumentClient);

/** The EventBridge event SES sends for a bounce of an email with these tags. */
function bounce(tags: Record<string, string>, eventType = 'Bounce') {
  return {
    version: '0',
    'detail-type': 'Email Bounced',
    source: 'aws.ses',
    detail: {
      eventType,
      mail: {
        messageId: 'msg-1',
        timestamp: '2026-12-15T14:30:00.000Z',
        destination: ['seller-1@example.com'],
        tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, [v]])),
      },
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'seller-1@example.com' }],
        timestamp: '2026-12-15T14:30:05.000Z',
      },
    },
  };
}

/** The timeline events the handler wrote, one per transaction. */
const written = () =>
  db.commandCalls(TransactWriteCommand).map((call) => {
    const items = call.args[0].input.TransactItems!;
    return items.find((item) => item.Put?.Item?.type === 'TimelineEvent')!.Put!.Item!;
  });

beforeEach(() => {
  db.reset();
  db.on(TransactWriteCommand).resolves({});
});

describe('Handler: record-mail-event', () => {
  it("records a bounce on its case's timeline with the template and role, never the address", async () => {
    // Act
    const result = await handler(
      bounce({ template: 'statement_of_reasons', role: 'seller', caseId: 'case-1' }),
    );

    // Assess
    expect(result).toEqual({ recorded: 1 });
    const [event] = written();
    expect(event).toMatchObject({
      pk: 'CASE#case-1',
      eventType: 'message_undeliverable',
      at: '2026-12-15T14:30:05.000Z',
      actor: { role: 'system', id: 'mail' },
      detail: {
        template: 'statement_of_reasons',
        role: 'seller',
        bounceType: 'Permanent',
        messageId: 'msg-1',
      },
    });
    const inputs = db.commandCalls(TransactWriteCommand).map((call) => call.args[0].input);
    expect(JSON.stringify(inputs)).not.toContain('seller-1@');
  });

  it('records a bounced receipt on every case of its notice', async () => {
    // Prepare
    db.on(GetCommand).resolves({ Item: { noticeId: 'ntc-1', caseIds: ['case-1', 'case-2'] } });

    // Act
    const result = await handler(
      bounce({ template: 'notice_receipt', role: 'rights_holder', noticeId: 'ntc-1' }),
    );

    // Assess
    expect(result).toEqual({ recorded: 2 });
    expect(written().map((e) => e.pk)).toEqual(['CASE#case-1', 'CASE#case-2']);
  });

  it('records a complaint as message_complaint', async () => {
    // Prepare
    const event = bounce(
      { template: 'case_upheld', role: 'seller', caseId: 'case-1' },
      'Complaint',
    );

    // Act
    await handler({ ...event, 'detail-type': 'Email Complaint Received' });

    // Assess
    expect(written()[0]).toMatchObject({ eventType: 'message_complaint' });
  });

  it('ignores events that are not a bounce or a complaint of a tagged email', async () => {
    // Act
    const results = [
      await handler({ hello: 'world' }),
      await handler(bounce({ template: 'x', role: 'seller', caseId: 'case-1' }, 'Delivery')),
      await handler(bounce({ template: 'x', caseId: 'case-1' })),
    ];

    // Assess
    expect(results).toEqual([{ recorded: 0 }, { recorded: 0 }, { recorded: 0 }]);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
