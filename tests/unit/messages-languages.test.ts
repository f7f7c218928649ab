// The three languages (issue 14): every French sentence of the parents' pages, e-mails and refusals exists in English
// and in Arabic, and the other way round, with the same ICU arguments ({name}, plurals, selects), so a key added in
// French (a new page, another helper's work) fails here until it is translated. The back office's namespaces are
// French only (i18n/parts.ts): each other French namespace must be translated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/locales';
import { BACK_OFFICE_NAMESPACES, MESSAGE_PARTS, TRANSLATED_PARTS } from '@/i18n/parts';

type Tree = { [key: string]: string | Tree };
const dir = path.join(__dirname, '../../messages');
const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Tree;

function messagesOf(locale: string, parts: readonly string[]): Tree {
  return Object.assign({}, load(`${locale}.json`), ...parts.map((p) => load(`${locale}/${p}.json`))) as Tree;
}

/** Every leaf's dotted key and sentence. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments of a sentence, with their kind: 'name', 'count:plural', 'service:select'. */
function argumentsOf(key: string, sentence: string): string[] {
  // the refusals are filled in by lib/errors.ts (plain {name} placeholders, not ICU: « l'{service} » stays as is)
  if (key.startsWith('refusals.')) return [...new Set(sentence.match(/\{\w+\}/g) ?? [])].sort();
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time)
        found.add(e.value);
      if (e.type === TYPE.plural) found.add(`${e.value}:plural`);
      if (e.type === TYPE.select) {
        found.add(`${e.value}:select`);
        for (const option of Object.values(e.options)) walk(option.value);
      }
      if (e.type === TYPE.plural) for (const option of Object.values(e.options)) walk(option.value);
      if (e.type === TYPE.tag) walk(e.children);
    }
  };
  walk(parse(sentence));
  return [...found].sort();
}

const french = messagesOf('fr', MESSAGE_PARTS);
const translatedFrench = Object.fromEntries(
  Object.entries(french).filter(([namespace]) => !(BACK_OFFICE_NAMESPACES as readonly string[]).includes(namespace)),
) as Tree;
const frenchLeaves = leaves(translatedFrench);

describe('the languages of the parents’ pages and e-mails', () => {
  it('leave only the back office in French: every French namespace is translated or named as the back office’s', () => {
    for (const namespace of BACK_OFFICE_NAMESPACES) expect(french, namespace).toHaveProperty(namespace);
  });

  for (const locale of LOCALES.filter((l) => l !== 'fr')) {
    describe(locale, () => {
      const own = messagesOf(locale, TRANSLATED_PARTS);
      const ownLeaves = leaves(own);

      it('has every French key (none missing)', () => {
        const missing = [...frenchLeaves.keys()].filter((k) => !ownLeaves.has(k));
        expect(missing, `missing in messages/${locale}`).toEqual([]);
      });

      it('has no key French lacks (none left over), and no back-office namespace', () => {
        const extra = [...ownLeaves.keys()].filter((k) => !frenchLeaves.has(k));
        expect(extra, `left over in messages/${locale}`).toEqual([]);
      });

      it('keeps the ICU arguments of each French sentence, and every sentence parses', () => {
        const differ: string[] = [];
        for (const [key, sentence] of frenchLeaves) {
          const translated = ownLeaves.get(key);
          if (translated === undefined) continue;
          if (argumentsOf(key, translated).join() !== argumentsOf(key, sentence).join()) differ.push(key);
        }
        expect(differ, `arguments differ in messages/${locale}`).toEqual([]);
      });

      it('translates: no sentence with letters is left empty', () => {
        expect([...ownLeaves].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
      });
    });
  }
});
