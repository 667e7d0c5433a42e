import { describe, expect, it } from 'vitest';
import { parseStatement } from './statement.ts';

describe('Function: parseStatement', () => {
  it('reads back the sections of a statement of reasons as the email wrote them', () => {
    const text = [
      'Listing lst-1 taken down: statement of reasons\n----------------------------------------------',
      'We took down your listing.',
      'What we did\n-----------',
      '- Your listing is disabled.\n- A warning on your seller account.',
      'Source: a notice from the rights holder\nIP right: Trademark “ACME”',
      'The notice:\n  | Replica shoes\n  | with our logo',
      '>> Send your counter-notice by 1 Dec 2026.',
      'Open the case: https://portal.example.com/cases/c-1',
      '--',
      'You receive this because…',
    ].join('\n\n');
    expect(parseStatement(text)).toEqual([
      { kind: 'heading', text: 'Listing lst-1 taken down: statement of reasons' },
      { kind: 'paragraph', text: 'We took down your listing.' },
      { kind: 'heading', text: 'What we did' },
      { kind: 'list', items: ['Your listing is disabled.', 'A warning on your seller account.'] },
      {
        kind: 'facts',
        rows: [
          { label: 'Source', value: 'a notice from the rights holder' },
          { label: 'IP right', value: 'Trademark “ACME”' },
        ],
      },
      { kind: 'quote', label: 'The notice', text: 'Replica shoes\nwith our logo' },
      { kind: 'callout', text: 'Send your counter-notice by 1 Dec 2026.' },
    ]);
  });

  it('keeps a paragraph with a colon as a paragraph', () => {
    expect(parseStatement('Legal ground: 17 U.S.C. §512, see below')).toEqual([
      { kind: 'paragraph', text: 'Legal ground: 17 U.S.C. §512, see below' },
    ]);
  });
});
