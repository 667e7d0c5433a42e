import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordAutomaton } from '../../../../functions/domain/keyword-automaton.ts';
import { normaliseTerm, normaliseText } from '../../../../functions/domain/listing-text.ts';
import { naiveFindAll, sorted } from './naive-matcher.ts';

const automaton = (...terms: string[]) => new KeywordAutomaton(terms.map(normaliseTerm));
const spans = (a: KeywordAutomaton, title: string) =>
  a.findAll(title).map((m) => [a.patterns[m.pattern], title.slice(m.start, m.end)]);

describe('Function: normaliseText', () => {
  it('applies NFKC and lower case: full-width Latin becomes half-width', () => {
    expect(normaliseText('ＡＣＭＥ Shoes').text).toBe('acme shoes');
  });

  it('collapses white space runs, the ideographic space included, into one space', () => {
    expect(normaliseText('acme \t\u3000 shoes').text).toBe('acme shoes');
  });

  it('composes a letter with its combining mark and maps the unit back to both', () => {
    const { text, starts, ends } = normaliseText('Cafe\u0301!');
    expect(text).toBe('café!');
    expect([starts[3], ends[3]]).toEqual([3, 5]);
  });

  it('keeps lone surrogates rather than throwing', () => {
    expect(normaliseText('a\ud800b').text).toBe('a\ud800b');
  });
});

describe('Class: KeywordAutomaton', () => {
  describe('Method: findAll', () => {
    it('finds a term in any case and width, with its span in the original title', () => {
      const a = automaton('acme');
      expect(spans(a, 'New ＡＣＭＥ sneakers')).toEqual([['acme', 'ＡＣＭＥ']]);
    });

    it('requires word boundaries around Latin terms', () => {
      const a = automaton('acme');
      expect(spans(a, 'acmeville boots, acme-style')).toEqual([['acme', 'acme']]);
    });

    it('finds Chinese terms inside text without word boundaries', () => {
      const a = automaton('耐克', 'acme');
      expect(spans(a, '正品耐克运动鞋acme同款')).toEqual([
        ['耐克', '耐克'],
        ['acme', 'acme'],
      ]);
    });

    it('reports every overlapping term, a suffix of another included', () => {
      const a = automaton('he', 'she', 'hers', '阿迪达斯', '迪达');
      const found = sorted(a.findAll('she hers 阿迪达斯')).map((m) => a.patterns[m.pattern]);
      expect(found).toEqual(['she', 'hers', '阿迪达斯', '迪达']);
    });

    it('matches a multi-word term across a run of spaces and maps the span to the original', () => {
      const a = automaton('Acme Shoes');
      expect(spans(a, 'x  ACME   shoes y')).toEqual([['acme shoes', 'ACME   shoes']]);
    });

    it('matches a term with an accent whether the title composes it or not', () => {
      const a = automaton('café');
      expect(spans(a, 'CAFE\u0301 beans')).toEqual([['café', 'CAFE\u0301']]);
      expect(spans(a, 'café beans')).toEqual([['café', 'café']]);
    });

    it('finds nothing when it has no patterns', () => {
      expect(new KeywordAutomaton([]).findAll('acme')).toEqual([]);
    });

    it('refuses an empty pattern', () => {
      expect(() => new KeywordAutomaton([''])).toThrow(/empty/);
    });
  });
});

/** Small alphabets make collisions, overlaps and boundaries frequent. */
const unit = fc.constantFrom(
  'a',
  'b',
  'A',
  'Ａ',
  'ｂ',
  ' ',
  '\u3000',
  '-',
  '耐',
  '克',
  '迪',
  'é',
  'e\u0301',
  '\u0301',
  '1',
  'ﬁ',
  'İ',
);
const term = fc.array(unit, { minLength: 1, maxLength: 4 }).map((u) => normaliseTerm(u.join('')));
const title = fc.array(unit, { maxLength: 40 }).map((u) => u.join(''));

describe('Property: the automaton agrees with a naive matcher', () => {
  it('on random rules and titles', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          term.filter((t) => t.length > 0),
          { maxLength: 12 },
        ),
        title,
        (patterns, text) => {
          const a = new KeywordAutomaton(patterns);
          expect(sorted(a.findAll(text))).toEqual(sorted(naiveFindAll(patterns, text)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on any Unicode title (fuzz): never throws, and spans lie inside the title', () => {
    const a = automaton('acme', '耐克', 'é', 'a b');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const found = a.findAll(text);
        expect(sorted(found)).toEqual(sorted(naiveFindAll(a.patterns, text)));
        for (const m of found) {
          expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
