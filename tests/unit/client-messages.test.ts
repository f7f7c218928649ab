// The messages the root layout hands to the browser (i18n/client-messages.ts): every namespace a client component
// outside the back office asks for is among them, and the back office's own are not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AbstractIntlMessages } from 'next-intl';
import { BACK_OFFICE_NAMESPACES, publicMessages } from '@/i18n/client-messages';
import { MESSAGE_PARTS } from '@/i18n/parts';

const root = path.join(__dirname, '../..');
const load = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as AbstractIntlMessages;
const messages = Object.assign(
  {},
  load('messages/fr.json'),
  ...MESSAGE_PARTS.map((part) => load(`messages/fr/${part}.json`)),
) as AbstractIntlMessages;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(root, file)).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Client components outside app/admin, with the namespaces they name in useTranslations('…'). */
const clientComponents = ['app', 'components']
  .flatMap(sourceFiles)
  .filter((file) => !file.startsWith(path.join('app', 'admin')))
  .map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }))
  .filter(({ source }) => /^\s*['"]use client['"]/m.test(source))
  .map(({ file, source }) => ({
    file,
    namespaces: [...source.matchAll(/useTranslations\(\s*['"]([\w.]+)['"]\s*\)/g)].map((m) => m[1]!.split('.')[0]!),
  }));

describe('the messages of the pages outside the back office', () => {
  it('hold every namespace their client components ask for', () => {
    const kept = publicMessages(messages);
    expect(clientComponents.length).toBeGreaterThan(0);
    for (const { file, namespaces } of clientComponents) {
      for (const namespace of namespaces) expect(kept[namespace], `« ${namespace} » of ${file}`).toBeDefined();
    }
  });

  it('leave out the back office and the server-only refusals', () => {
    const kept = publicMessages(messages);
    for (const namespace of BACK_OFFICE_NAMESPACES) expect(kept[namespace], namespace).toBeUndefined();
    expect(Object.keys(kept)).toEqual(
      expect.arrayContaining(['app', 'login', 'forgot', 'errors', 'demarche', 'template', 'activation']),
    );
  });
});
