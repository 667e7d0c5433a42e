import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The adapters read their env at module load: set it before they are imported.
vi.hoisted(() => {
  process.env.AWS_REGION ??= 'eu-west-1';
  process.env.MAIL_FROM = 'Takedown Service <notices@takedown.example>';
  process.env.SES_CONFIGURATION_SET = 'takedown-mail';
});

const { SesNotifier, toIdempotencyTagValue, toTagValue } = await import(
  '../../functions/adapters/notifier-ses.ts'
);

const sesMock = mockClient(SESv2Client);

const message = {
  to: 'seller-1@example.com',
  subject: 'Your listing was removed',
  text: 'Statement of reasons …',
  html: '<p>Statement of reasons …</p>',
  locale: 'zh-CN' as const,
  role: 'seller' as const,
  template: 'statement-of-reasons',
  caseId: 'case-01J9',
  noticeId: 'ntc-7',
  idempotencyKey: 'case-01J9:notify-seller',
};

beforeEach(() => {
  sesMock.reset();
  sesMock.on(SendEmailCommand).resolves({ MessageId: 'msg-1' });
});

describe('Class: SesNotifier', () => {
  describe('Method: sendEmail', () => {
    it('sends an HTML and a text part from MAIL_FROM with the configuration set, and returns the SES message id', async () => {
      // Act
      const result = await new SesNotifier().sendEmail(message);

      // Assess
      expect(result).toEqual({ messageId: 'msg-1' });
      const calls = sesMock.commandCalls(SendEmailCommand);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.args[0].input).toMatchObject({
        FromEmailAddress: 'Takedown Service <notices@takedown.example>',
        Destination: { ToAddresses: ['seller-1@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'Your listing was removed' },
            Body: {
              Html: { Data: '<p>Statement of reasons …</p>', Charset: 'UTF-8' },
              Text: { Data: 'Statement of reasons …', Charset: 'UTF-8' },
            },
          },
        },
        ConfigurationSetName: 'takedown-mail',
      });
    });

    it('tags the email with template, role, locale, case, notice and a sanitized idempotency key, never the address', async () => {
      await new SesNotifier().sendEmail(message);

      const tags = sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input.EmailTags ?? [];
      const byName = Object.fromEntries(tags.map((tag) => [tag.Name, tag.Value]));
      expect(byName.template).toBe('statement-of-reasons');
      expect(byName.role).toBe('seller');
      expect(byName.locale).toBe('zh-CN');
      expect(byName.caseId).toBe('case-01J9');
      expect(byName.noticeId).toBe('ntc-7');
      expect(JSON.stringify(tags)).not.toContain('seller-1');
      expect(byName.idempotency).toMatch(/^case-01J9_notify-seller-[A-Za-z0-9_-]{43}$/);
      for (const tag of tags) expect(tag.Value).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    });

    it('leaves out the caseId and noticeId tags when the message belongs to no case', async () => {
      const { caseId: _omitted, noticeId: _none, ...withoutCase } = message;

      await new SesNotifier().sendEmail(withoutCase);

      const tags = sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input.EmailTags ?? [];
      expect(tags.map((tag) => tag.Name).sort()).toEqual([
        'idempotency',
        'locale',
        'role',
        'template',
      ]);
    });

    it('uses the sender and client given to the constructor', async () => {
      const client = new SESv2Client({ region: 'us-east-1' });

      await new SesNotifier({ client, fromAddress: 'other@takedown.example' }).sendEmail(message);

      expect(sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input.FromEmailAddress).toBe(
        'other@takedown.example',
      );
    });

    it('throws when SES answers without a MessageId', async () => {
      sesMock.on(SendEmailCommand).resolves({});

      await expect(new SesNotifier().sendEmail(message)).rejects.toThrow(/no MessageId/);
    });

    it('lets an SES error through to the caller, for the workflow to retry', async () => {
      sesMock.on(SendEmailCommand).rejects(new Error('Throttling'));

      await expect(new SesNotifier().sendEmail(message)).rejects.toThrow('Throttling');
    });
  });
});

describe('Function: toTagValue', () => {
  it('replaces characters SES refuses and cuts the value to 256', () => {
    expect(toTagValue('a b/c:d')).toBe('a_b_c_d');
    expect(toTagValue('x'.repeat(300))).toHaveLength(256);
  });
});

describe('Function: toIdempotencyTagValue', () => {
  it('keeps a key that is already a valid tag value', () => {
    expect(toIdempotencyTagValue('case-1_notify')).toBe('case-1_notify');
  });

  it('keeps keys that differ only in disallowed characters apart', () => {
    const colon = toIdempotencyTagValue('case:1');
    const slash = toIdempotencyTagValue('case/1');

    expect(colon).not.toBe(slash);
    expect(colon).not.toBe('case_1');
  });

  it('keeps an over-long key within 256 valid characters, and unique', () => {
    const a = toIdempotencyTagValue(`${'k'.repeat(300)}a`);
    const b = toIdempotencyTagValue(`${'k'.repeat(300)}b`);

    expect(a).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(a).not.toBe(b);
  });
});
