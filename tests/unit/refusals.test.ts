// The refusals' French texts (messages/fr/refusals.json): every code thrown in the source has its sentence, every
// call gives exactly the {params} of its sentence, and no sentence is left without a call. Read from the source with
// the TypeScript parser, so a code only built at run time is refused too.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import catalogue from '@/messages/fr/refusals.json';

const root = path.join(__dirname, '../..');
const SENTENCES: Record<string, string> = catalogue.refusals;
/** errorText(code) itself, and UserError's constructor passing its code on. */
const PLUMBING = 'lib/errors.ts';

interface Use {
  where: string;
  /** the string literals of the code argument (several for `cond ? 'a' : 'b'`) */
  codes: string[];
  /** the params given, or null when they cannot be read statically (a variable, a spread) */
  params: string[] | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The codes an argument can be: a literal, or each branch of `cond ? 'a' : 'b'`; nothing for anything else. */
function literals(node: ts.Expression): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isConditionalExpression(node)) {
    const branches = [literals(node.whenTrue), literals(node.whenFalse)];
    return branches.every((b) => b.length > 0) ? branches.flat() : [];
  }
  return [];
}

function paramNames(node: ts.Expression | undefined): string[] | null {
  if (node === undefined) return [];
  if (!ts.isObjectLiteralExpression(node)) return null;
  const names: string[] = [];
  for (const property of node.properties) {
    if (ts.isShorthandPropertyAssignment(property)) names.push(property.name.text);
    else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)))
      names.push(property.name.text);
    else return null;
  }
  return names;
}

function usesIn(file: string): Use[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const uses: Use[] = [];
  const visit = (node: ts.Node) => {
    const call =
      (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'UserError') ||
      (ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        // fieldError(code): a form field's refusal (a zod message), said in the parent's language by lib/action.ts;
        // refusalParam(code): a refusal inside another's sentence, said in that language too
        ['errorText', 'fieldError', 'refusalParam'].includes(node.expression.text));
    if (call) {
      const args = (node as ts.NewExpression | ts.CallExpression).arguments ?? ts.factory.createNodeArray();
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const codes = args[0] ? literals(args[0]) : [];
      if (!(file === PLUMBING && codes.length === 0))
        uses.push({ where: `${file}:${line}`, codes, params: paramNames(args[1]) });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return uses;
}

const placeholders = (sentence: string) => [...sentence.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

const uses = ['lib', 'app', 'db', 'components'].flatMap(sourceFiles).flatMap(usesIn);

describe('the refusals’ French texts', () => {
  it('are found in the source (the scan works)', () => {
    expect(uses.length).toBeGreaterThan(50);
  });

  it('give a sentence to every code thrown, each code written as a literal', () => {
    for (const use of uses) {
      expect(use.codes.length, `${use.where}: the code is not a literal`).toBeGreaterThan(0);
      for (const code of use.codes) expect(SENTENCES[code], `${use.where}: « ${code} »`).toBeTypeOf('string');
    }
  });

  it('are given exactly the {params} of their sentence at each call', () => {
    const checked = uses.filter((use) => use.params !== null);
    expect(checked.length).toBeGreaterThan(uses.length / 2);
    for (const use of checked) {
      for (const code of use.codes) {
        expect([...use.params!].sort(), `${use.where}: « ${code} »`).toEqual(placeholders(SENTENCES[code] ?? ''));
      }
    }
  });

  it('are all used: no sentence is left without a call', () => {
    const used = new Set(uses.flatMap((use) => use.codes));
    for (const code of Object.keys(SENTENCES)) expect(used.has(code), `« ${code} » is never used`).toBe(true);
  });

  it('are one sentence each: two codes never say the same thing', () => {
    const seen = new Map<string, string>();
    for (const [code, sentence] of Object.entries(SENTENCES)) {
      expect(seen.get(sentence), `« ${code} » repeats « ${seen.get(sentence)} »`).toBeUndefined();
      seen.set(sentence, code);
    }
  });
});
