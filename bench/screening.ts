/**
 * Screening bench (`npm run bench:screening`): titles per second on one core (this one thread)
 * against 10,000 brand keyword rules, mixed Latin and Chinese titles, and p50/p99 of one title's
 * match; for our automaton (functions/domain/keyword-automaton.ts, through CompiledRules, the way
 * the screening route uses it) and for the Aho–Corasick libraries the registry serves, fed the
 * same normalised patterns. The libraries do not normalise: each is measured on titles normalised
 * beforehand (its match alone) and with `normalize('NFKC').toLowerCase()` per title (what it
 * would cost in the route). Not a timed test: numbers vary with the machine.
 *
 *   RULES=10000 TITLES=200000 npm run bench:screening
 */
import { createRequire } from 'node:module';
import { AhoCorasick as MonyoneDefault } from '@monyone/aho-corasick';
import { AhoCorasick as MonyoneFast } from '@monyone/aho-corasick/fast';
import ModernAhoCorasick from 'modern-ahocorasick';
import { KeywordAutomaton } from '../functions/domain/keyword-automaton.ts';
import { normaliseTerm } from '../functions/domain/listing-text.ts';
import { CompiledRules, type MatchableRule } from '../functions/domain/screening-rules.ts';

const RULES = Number(process.env.RULES ?? 10_000);
const TITLES = Number(process.env.TITLES ?? 200_000);
const SAMPLE = 50_000;

// A deterministic generator, so every run screens the same data.
let seed = 42;
const random = () => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
  return seed / 0x80000000;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const HAN = Array.from({ length: 2500 }, (_, i) => String.fromCharCode(0x4e00 + i * 7));
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const latinWord = (min: number, max: number) =>
  Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick([...LATIN])).join(
    '',
  );
const hanWord = (min: number, max: number) =>
  Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(HAN)).join('');
const NOUNS = ['shoes', 'bag', 'watch', 'jacket', 'phone case', '运动鞋', '手表', '背包', '外套'];

const rules: MatchableRule[] = Array.from({ length: RULES }, (_, i) => {
  const chinese = i % 3 === 0;
  const brand = chinese
    ? hanWord(2, 4)
    : `${latinWord(4, 9)}${i % 5 === 0 ? ` ${latinWord(3, 6)}` : ''}`;
  return {
    ruleId: `rule-${i}`,
    terms: chinese ? [brand, `${brand}正品`] : [brand, `${brand.toUpperCase()} original`],
    exclusions: i % 4 === 0 ? [chinese ? '兼容' : 'compatible'] : [],
    languages: [],
    action: i % 10 === 0 ? 'takedown' : 'flag',
  };
});
const brands = rules.map((r) => r.terms[0]!);
const titles = Array.from({ length: TITLES }, (_, i) => {
  const parts = [
    random() < 0.5 ? hanWord(2, 6) : latinWord(3, 8),
    pick(NOUNS),
    random() < 0.5 ? hanWord(1, 4) : latinWord(2, 7),
  ];
  // One title in five names a brand (in full width or upper case now and then).
  if (i % 5 === 0) {
    const brand = pick(brands);
    parts.splice(
      1,
      0,
      i % 15 === 0 ? toFullWidth(brand) : i % 10 === 0 ? brand.toUpperCase() : brand,
    );
  }
  if (i % 7 === 0) parts.push(random() < 0.5 ? '2026新款' : 'NEW 2026');
  return parts.join(random() < 0.6 ? ' ' : '');
});

function toFullWidth(text: string): string {
  return [...text]
    .map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
    .join('');
}

const patterns = [
  ...new Set(rules.flatMap((r) => [...r.terms, ...r.exclusions]).map(normaliseTerm)),
];
const prenormalised = titles.map((t) => t.normalize('NFKC').toLowerCase());

interface Candidate {
  name: string;
  build: () => (title: string) => number;
  /** Titles it is given: the originals, or normalised beforehand. */
  input: 'original' | 'prenormalised';
}

const require = createRequire(import.meta.url);
const LegacyAhoCorasick = require('ahocorasick') as new (
  keywords: string[],
) => { search(text: string): [number, string[]][] };

const libraries: { name: string; build: () => (title: string) => number }[] = [
  {
    name: 'modern-ahocorasick 3.3',
    build: () => {
      const m = new ModernAhoCorasick(patterns);
      return (t) => m.search(t).length;
    },
  },
  {
    name: '@monyone/aho-corasick 1.1',
    build: () => {
      const m = new MonyoneDefault(patterns);
      return (t) => m.matchInText(t).length;
    },
  },
  {
    name: '@monyone/aho-corasick/fast 1.1',
    build: () => {
      const m = new MonyoneFast(patterns);
      return (t) => m.matchInText(t).length;
    },
  },
  {
    name: 'ahocorasick 1.0',
    build: () => {
      const m = new LegacyAhoCorasick(patterns);
      return (t) => m.search(t).length;
    },
  },
];

const candidates: Candidate[] = [
  {
    name: 'ours: CompiledRules.match (normalise + match + exclusions)',
    input: 'original',
    build: () => {
      const compiled = new CompiledRules(1, rules);
      return (t) => compiled.match({ title: t }).length;
    },
  },
  {
    name: 'ours: KeywordAutomaton.scan (normalise + match)',
    input: 'original',
    build: () => {
      const a = new KeywordAutomaton(patterns);
      return (t) => {
        let n = 0;
        a.scan(t, () => {
          n++;
        });
        return n;
      };
    },
  },
  ...libraries.map((lib) => ({
    ...lib,
    name: `${lib.name}: match only`,
    input: 'prenormalised' as const,
  })),
  ...libraries.map((lib) => ({
    ...lib,
    name: `${lib.name}: NFKC + lower + match`,
    input: 'original' as const,
    build: () => {
      const match = lib.build();
      return (t: string) => match(t.normalize('NFKC').toLowerCase());
    },
  })),
];

console.log(
  `${RULES} rules (${patterns.length} patterns), ${TITLES} titles (mixed Latin and Chinese, one in five names a brand), Node ${process.version}, one thread`,
);
const rows: Record<string, string | number>[] = [];
for (const candidate of candidates) {
  const built = process.hrtime.bigint();
  let match: (title: string) => number;
  try {
    match = candidate.build();
  } catch (error) {
    rows.push({ matcher: candidate.name, error: (error as Error).message });
    continue;
  }
  const buildMs = Number(process.hrtime.bigint() - built) / 1e6;
  const input = candidate.input === 'original' ? titles : prenormalised;
  // Warm up, then a timed pass over every title.
  let hits = 0;
  for (let i = 0; i < Math.min(20_000, input.length); i++) hits += match(input[i]!);
  hits = 0;
  const start = process.hrtime.bigint();
  for (const title of input) hits += match(title);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // Per-title latency on a sample.
  const times = new Float64Array(Math.min(SAMPLE, input.length));
  for (let i = 0; i < times.length; i++) {
    const t0 = process.hrtime.bigint();
    match(input[i]!);
    times[i] = Number(process.hrtime.bigint() - t0) / 1e3;
  }
  times.sort();
  rows.push({
    matcher: candidate.name,
    'build ms': Math.round(buildMs),
    'titles/s': Math.round(input.length / seconds),
    'p50 µs': Number(times[Math.floor(times.length * 0.5)]!.toFixed(2)),
    'p99 µs': Number(times[Math.floor(times.length * 0.99)]!.toFixed(2)),
    hits,
  });
}
console.table(rows);
console.log(
  'Goal (issue 18): ≥ 1,000,000 titles/s/core and p99 < 1 ms for the match. Hits differ between ours and the libraries: ours keeps word boundaries and drops excluded rules; the libraries report every substring occurrence.',
);
