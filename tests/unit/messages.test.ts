// The French messages: the parts merged by i18n/request.ts never hide one another, and every code the audit log
// stores has its French label in the Journal.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@/db/schema';
import { MESSAGE_PARTS } from '@/i18n/parts';

const dir = path.join(__dirname, '../../messages');
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const base = load(path.join(dir, 'fr.json'));
const parts = readdirSync(path.join(dir, 'fr')).map((f) => ({ file: f, messages: load(path.join(dir, 'fr', f)) }));

function at(messages: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined),
      messages,
    );
}

describe('the French messages', () => {
  it('are all merged: every file under messages/fr/ is a part the request config loads', () => {
    expect(parts.map((p) => p.file.replace(/\.json$/, '')).sort()).toEqual([...MESSAGE_PARTS].sort());
  });

  it('merge without one part hiding a namespace of another', () => {
    const seen = new Map(Object.keys(base).map((k) => [k, 'fr.json']));
    for (const { file, messages } of parts) {
      for (const key of Object.keys(messages)) {
        expect(seen.get(key), `namespace « ${key} » of ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });

  it('give a French label to every action and object of the Journal', () => {
    const merged = Object.assign({}, base, ...parts.map((p) => p.messages)) as Record<string, unknown>;
    for (const action of AUDIT_ACTIONS) expect(typeof at(merged, `journal.actions.${action}`), action).toBe('string');
    for (const entity of AUDIT_ENTITIES) expect(typeof at(merged, `journal.entities.${entity}`), entity).toBe('string');
  });
});
