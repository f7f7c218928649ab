// The process's waiting room: created at start by lib/start-server.ts and put on globalThis, where scripts/server.mjs
// (outside the app's bundle) finds its gate, and the app (sign-out, the dashboard) finds the same instance.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { WaitingRoom, configFromEnv } from './admission';
import { createGate, type WaitingRoomGate } from './gate';
import { loadWaitingMessages, loadWaitingMessagesByLocale } from './page';

const store = globalThis as unknown as { __portailWaitingRoom?: WaitingRoomGate };

/** Creates this process's waiting room and publishes its gate (once). */
export function startWaitingRoom(db: Db, source: NodeJS.ProcessEnv = process.env): WaitingRoomGate {
  if (store.__portailWaitingRoom) return store.__portailWaitingRoom;
  // every instance signs with the same AUTH_SECRET; without one (a development server) a ticket lasts one process
  const secret = source.AUTH_SECRET ?? randomBytes(32).toString('hex');
  const room = new WaitingRoom(db, configFromEnv(source));
  store.__portailWaitingRoom = createGate(room, {
    secret,
    messages: loadWaitingMessages(),
    messagesOf: loadWaitingMessagesByLocale(),
    appUrl: source.APP_URL,
  });
  return store.__portailWaitingRoom;
}

/** This process's waiting room, once started (undefined in a test or a build). */
export function waitingRoom(): WaitingRoomGate | undefined {
  return store.__portailWaitingRoom;
}
