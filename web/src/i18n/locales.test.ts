import { describe, expect, it } from 'vitest';
import { detectLanguage } from './languages.ts';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** Every leaf key, dotted, with i18next's plural suffixes folded into the base key. */
function keys(tree: Record<string, unknown>, prefix = ''): Set<string> {
  const result = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') {
      for (const k of keys(value as Record<string, unknown>, path)) result.add(k);
    } else {
      if (typeof value !== 'string' || value.trim() === '') throw new Error(`${path} is empty`);
      result.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    }
  }
  return result;
}

describe('Locales', () => {
  it('zh-CN has every key en has', () => {
    const missing = [...keys(en)].filter((key) => !keys(zhCN).has(key));
    expect(missing).toEqual([]);
  });

  it('zh-CN has no key en lacks (a stale translation)', () => {
    const extra = [...keys(zhCN)].filter((key) => !keys(en).has(key));
    expect(extra).toEqual([]);
  });

  it('keeps the interpolations of each message', () => {
    const flat = (tree: Record<string, unknown>, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) =>
        v && typeof v === 'object'
          ? flat(v as Record<string, unknown>, prefix ? `${prefix}.${k}` : k)
          : [[(prefix ? `${prefix}.${k}` : k).replace(/_(one|other)$/, ''), String(v)]],
      );
    const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const zh = new Map(flat(zhCN));
    for (const [key, text] of flat(en)) {
      expect(vars(zh.get(key) ?? ''), key).toEqual(vars(text));
    }
  });
});

describe('Function: detectLanguage', () => {
  it('keeps the language the user chose', () => {
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('follows the browser: any Chinese is zh-CN, else English', () => {
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['zh'])).toBe('zh-CN');
    expect(detectLanguage(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(detectLanguage(null, ['fr-FR'])).toBe('en');
    expect(detectLanguage('klingon', [])).toBe('en');
  });
});
