import { normaliseText, unitFold, wordUnits } from './listing-text.ts';

/**
 * One Aho–Corasick automaton over every pattern of the active rules, in typed arrays:
 *
 * - the alphabet is only the UTF-16 units the patterns use (a 64 Ki table maps a unit to its
 *   letter; every other unit is letter 0, which sends the automaton back to the root);
 * - the root's transitions are a dense table, the other states' an open-addressing hash of
 *   (state, letter) → state, with failure links and dictionary-suffix links;
 * - a title whose units all fold one to one (nearly every title, Latin or Chinese) is folded unit
 *   by unit while it is scanned, with no string built; any other goes through `normaliseText`
 *   first. Both report spans in the original title.
 *
 * Patterns are in normal form (`normaliseTerm`). An occurrence counts only at word boundaries
 * where the pattern's first or last unit is a word character of a spaced script: "acme" is found
 * in "acme shoes" and "正品acme鞋", not in "acmeville"; "耐克" is found anywhere.
 */
export interface PatternMatch {
  /** Index into the patterns the automaton was built from. */
  pattern: number;
  /** UTF-16 offsets into the original title, end exclusive. */
  start: number;
  end: number;
}

const EMPTY = -1;

export class KeywordAutomaton {
  readonly patterns: readonly string[];
  /** Unit → letter (0: not in any pattern). */
  private readonly letterOf: Uint16Array | Int32Array;
  private readonly letters: number;
  private readonly rootNext: Int32Array;
  private readonly hashState: Int32Array;
  private readonly hashLetter: Int32Array;
  private readonly hashNext: Int32Array;
  private readonly hashMask: number;
  private readonly fail: Int32Array;
  /** The pattern ending at a state, or -1. */
  private readonly terminal: Int32Array;
  /** The nearest state on the failure chain that ends a pattern, or -1. */
  private readonly dictionary: Int32Array;
  private readonly depth: Int32Array;
  /** Per pattern: must the unit before / after an occurrence be a non-word unit? */
  private readonly boundaryBefore: Uint8Array;
  private readonly boundaryAfter: Uint8Array;
  private positions = new Int32Array(256);

  /** @param patterns distinct, non-empty patterns in normal form */
  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    const word = wordUnits();
    const letterOf = new Int32Array(0x10000);
    let letters = 0;
    for (const pattern of patterns) {
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        if (letterOf[unit] === 0) letterOf[unit] = ++letters;
      }
    }
    this.letterOf = letterOf;
    this.letters = letters;
    this.boundaryBefore = new Uint8Array(patterns.length);
    this.boundaryAfter = new Uint8Array(patterns.length);

    // The trie: build-time maps, then typed arrays.
    const children: Map<number, number>[] = [new Map()];
    const terminal: number[] = [EMPTY];
    const depth: number[] = [0];
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error('a pattern is empty');
      this.boundaryBefore[index] = word[pattern.charCodeAt(0)]!;
      this.boundaryAfter[index] = word[pattern.charCodeAt(pattern.length - 1)]!;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const letter = letterOf[pattern.charCodeAt(i)]!;
        let next = children[state]!.get(letter);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          terminal.push(EMPTY);
          depth.push(depth[state]! + 1);
          children[state]!.set(letter, next);
        }
        state = next;
      }
      if (terminal[state] !== EMPTY) throw new Error(`pattern "${pattern}" is given twice`);
      terminal[state] = index;
    });
    const states = children.length;
    let edges = 0;
    for (const map of children) edges += map.size;
    let size = 16;
    while (size < edges * 2) size *= 2;
    this.hashMask = size - 1;
    this.hashState = new Int32Array(size).fill(EMPTY);
    this.hashLetter = new Int32Array(size);
    this.hashNext = new Int32Array(size);
    this.rootNext = new Int32Array(letters + 1);
    for (const [letter, next] of children[0]!) this.rootNext[letter] = next;
    children.forEach((map, state) => {
      if (state === 0) return;
      for (const [letter, next] of map) this.put(state, letter, next);
    });

    // Failure and dictionary links, breadth first.
    this.fail = new Int32Array(states);
    this.dictionary = new Int32Array(states).fill(EMPTY);
    this.terminal = Int32Array.from(terminal);
    this.depth = Int32Array.from(depth);
    const queue: number[] = [];
    for (const next of children[0]!.values()) queue.push(next);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [letter, next] of children[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && this.get(f, letter) === 0) f = this.fail[f]!;
        const target = this.get(f, letter);
        this.fail[next] = target === next ? 0 : target;
        const fallback = this.fail[next]!;
        this.dictionary[next] =
          this.terminal[fallback] !== EMPTY ? fallback : this.dictionary[fallback]!;
        queue.push(next);
      }
    }
  }

  /** Every occurrence of every pattern in the title, by end then start. Never throws. */
  findAll(title: string): PatternMatch[] {
    const found: PatternMatch[] = [];
    this.scan(title, (pattern, start, end) => {
      found.push({ pattern, start, end });
    });
    return found;
  }

  /**
   * Calls `onMatch` for every occurrence (at word boundaries, see the class comment), with spans
   * in the original title.
   */
  scan(title: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    if (this.letters === 0) return;
    if (!this.scanFolded(title, onMatch)) this.scanNormalised(title, onMatch);
  }

  /** The fast path; false (having reported nothing) when a unit needs the full normalisation. */
  private scanFolded(
    title: string,
    onMatch: (pattern: number, start: number, end: number) => void,
  ): boolean {
    const fold = unitFold();
    const length = title.length;
    for (let i = 0; i < length; i++) if (fold[title.charCodeAt(i)] === 0) return false;
    if (this.positions.length < length) this.positions = new Int32Array(length * 2);
    const positions = this.positions;
    const word = wordUnits();
    let state = 0;
    let fed = 0;
    let lastSpace = false;
    for (let i = 0; i < length; i++) {
      const unit = fold[title.charCodeAt(i)]!;
      if (unit === 0x20) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      positions[fed++] = i;
      state = this.step(state, this.letterOf[unit]!);
      if (state === 0) continue;
      for (
        let s = this.terminal[state] !== EMPTY ? state : this.dictionary[state]!;
        s !== EMPTY;
      ) {
        const pattern = this.terminal[s]!;
        const first = fed - this.depth[s]!;
        const start = positions[first]!;
        const end = i + 1;
        const beforeOk =
          !this.boundaryBefore[pattern] || start === 0 || !word[fold[title.charCodeAt(start - 1)]!];
        const afterOk =
          !this.boundaryAfter[pattern] || end >= length || !word[fold[title.charCodeAt(end)]!];
        if (beforeOk && afterOk) onMatch(pattern, start, end);
        s = this.dictionary[s]!;
      }
    }
    return true;
  }

  /** The full path: normalise with spans, scan the normal form, map the spans back. */
  private scanNormalised(
    title: string,
    onMatch: (pattern: number, start: number, end: number) => void,
  ): void {
    const { text, starts, ends } = normaliseText(title);
    const word = wordUnits();
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.step(state, this.letterOf[text.charCodeAt(i)]!);
      if (state === 0) continue;
      for (
        let s = this.terminal[state] !== EMPTY ? state : this.dictionary[state]!;
        s !== EMPTY;
      ) {
        const pattern = this.terminal[s]!;
        const first = i + 1 - this.depth[s]!;
        const beforeOk =
          !this.boundaryBefore[pattern] || first === 0 || !word[text.charCodeAt(first - 1)]!;
        const afterOk =
          !this.boundaryAfter[pattern] || i + 1 >= text.length || !word[text.charCodeAt(i + 1)]!;
        if (beforeOk && afterOk) onMatch(pattern, starts[first]!, ends[i]!);
        s = this.dictionary[s]!;
      }
    }
  }

  private step(state: number, letter: number): number {
    if (letter === 0) return 0;
    let s = state;
    while (s !== 0) {
      const next = this.get(s, letter);
      if (next !== 0) return next;
      s = this.fail[s]!;
    }
    return this.rootNext[letter]!;
  }

  private slot(state: number, letter: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(letter, 0x85ebca6b)) & this.hashMask;
  }

  private put(state: number, letter: number, next: number): void {
    let i = this.slot(state, letter);
    while (this.hashState[i] !== EMPTY) i = (i + 1) & this.hashMask;
    this.hashState[i] = state;
    this.hashLetter[i] = letter;
    this.hashNext[i] = next;
  }

  /** The goto transition (0 when there is none; the root's are dense). */
  private get(state: number, letter: number): number {
    if (state === 0) return this.rootNext[letter]!;
    let i = this.slot(state, letter);
    for (;;) {
      const s = this.hashState[i]!;
      if (s === EMPTY) return 0;
      if (s === state && this.hashLetter[i] === letter) return this.hashNext[i]!;
      i = (i + 1) & this.hashMask;
    }
  }
}
