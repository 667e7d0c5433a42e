import type { PatternMatch } from '../../../../functions/domain/keyword-automaton.ts';
import { normaliseText, wordUnits } from '../../../../functions/domain/listing-text.ts';

/**
 * The reference the automaton is checked against: normalise the whole title with spans
 * (`normaliseText`, never the automaton's unit-by-unit fast path), then look for every pattern at
 * every position with `startsWith`, keeping the occurrences at word boundaries.
 */
export function naiveFindAll(patterns: readonly string[], title: string): PatternMatch[] {
  const { text, starts, ends } = normaliseText(title);
  const word = wordUnits();
  const isWord = (i: number) => i >= 0 && i < text.length && word[text.charCodeAt(i)] === 1;
  const found: PatternMatch[] = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((pattern, index) => {
      const start = end - pattern.length;
      if (start < 0 || !text.startsWith(pattern, start)) return;
      if (word[pattern.charCodeAt(0)] && isWord(start - 1)) return;
      if (word[pattern.charCodeAt(pattern.length - 1)] && isWord(end)) return;
      found.push({ pattern: index, start: starts[start]!, end: ends[end - 1]! });
    });
  }
  return found;
}

/** A canonical order for comparing match lists. */
export const sorted = (matches: readonly PatternMatch[]) =>
  [...matches].sort((a, b) => a.start - b.start || a.end - b.end || a.pattern - b.pattern);
