/**
 * The normal form proactive screening matches in: Unicode NFKC (full-width Latin and digits become
 * half-width, compatibility ligatures and circled letters their plain letters), then lower case,
 * and every run of white space one space. Rules' terms and listings' titles go through the same
 * function, so "ＡＣＭＥ", "Acme" and "acme" are one word.
 *
 * Normalisation is applied chunk by chunk (a starter with the combining marks that follow it), so
 * each unit of the normal form knows the span of the original text it came from: a hit's
 * `start`/`end` are UTF-16 offsets into the title as the marketplace sent it.
 */

/** Scripts written without spaces between words: a term there needs no word boundary. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30fc]$/u;
const WORDLIKE = /^[\p{L}\p{N}]$/u;
const WHITE = /^\s$/u;
const MARK = /^\p{M}$/u;

/** The normal form of a text, with each unit's span in the original. */
export interface NormalisedText {
  /** The normal form. */
  text: string;
  /** For unit i of `text`, the original's [starts[i], ends[i]). */
  starts: Int32Array;
  ends: Int32Array;
}

/** Hangul conjoining jamo compose with their neighbours under NFKC: they never start a chunk. */
function isJamo(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xd7b0 && cp <= 0xd7ff)
  );
}

/** Whether a code point continues the chunk before it (a combining mark or a conjoining jamo). */
function continuesChunk(cp: number, char: string): boolean {
  return MARK.test(char) || (isJamo(cp) && cp >= 0x1160);
}

/**
 * Normalises a text (NFKC, lower case, white-space runs to one space) and maps each unit of the
 * result back to the span of the original it came from. Never throws: lone surrogates pass
 * through unchanged.
 */
export function normaliseText(original: string): NormalisedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = false;
  let i = 0;
  while (i < original.length) {
    const chunkStart = i;
    i += codePointLength(original, i);
    while (i < original.length) {
      const cp = original.codePointAt(i)!;
      const len = codePointLength(original, i);
      if (!continuesChunk(cp, original.slice(i, i + len))) break;
      i += len;
    }
    const normal = original.slice(chunkStart, i).normalize('NFKC').toLowerCase();
    for (let k = 0; k < normal.length; k++) {
      let unit = normal[k]!;
      if (WHITE.test(unit)) {
        if (lastWasSpace) continue;
        unit = ' ';
        lastWasSpace = true;
      } else lastWasSpace = false;
      out.push(unit);
      starts.push(chunkStart);
      ends.push(i);
    }
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The normal form of a term or phrase (trimmed). */
export function normaliseTerm(term: string): string {
  return normaliseText(term).text.trim();
}

function codePointLength(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * Per UTF-16 unit: its normal form when that is one unit and needs no context (0 when it is not:
 * a combining mark, a jamo, a surrogate, or a unit whose normal form is longer). A title made only
 * of such units is normalised unit by unit without building a string (the fast path of the
 * matcher); any other title goes through `normaliseText`. Both give the same normal form.
 */
let foldTable: Uint16Array | undefined;
/** Per UTF-16 unit: 1 when it is a letter or digit of a script that separates words by spaces. */
let wordTable: Uint8Array | undefined;

/** The unit-by-unit fold table (built once, on first use: ~65k single-unit normalisations). */
export function unitFold(): Uint16Array {
  if (!foldTable) buildTables();
  return foldTable!;
}

/** The word-character table: word boundaries are required only around these. */
export function wordUnits(): Uint8Array {
  if (!wordTable) buildTables();
  return wordTable!;
}

function buildTables(): void {
  const fold = new Uint16Array(0x10000);
  const word = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    const char = String.fromCharCode(unit);
    if (WORDLIKE.test(char) && !UNSPACED.test(char)) word[unit] = 1;
    if (MARK.test(char) || isJamo(unit)) continue;
    const normal = char.normalize('NFKC').toLowerCase();
    if (normal.length !== 1) continue;
    fold[unit] = WHITE.test(normal) ? 0x20 : normal.charCodeAt(0);
  }
  foldTable = fold;
  wordTable = word;
}
