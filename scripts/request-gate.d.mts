// Types of scripts/request-gate.mjs, for its tests written in TypeScript.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface GateOptions {
  maxInFlight: number;
  queueTimeoutMs: number;
  maxQueue: number;
}
export interface GateStats {
  inFlight: number;
  queued: number;
  started: number;
  dropped: number;
  refused: number;
}
export interface RequestGate {
  (req: IncomingMessage, res: ServerResponse, run: () => Promise<unknown> | unknown): void;
  stats(): GateStats;
}
export function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number;
export function gateOptionsFromEnv(env?: Record<string, string | undefined>): GateOptions;
export function clientGone(req: IncomingMessage, res: ServerResponse): boolean;
export function createRequestGate(options: GateOptions): RequestGate;
