// Types of scripts/chromium.mjs, for playwright.config.ts and the unit tests.
export const HEADLESS_SHELL: string;
export const DEBIAN_CHROMIUM: string;
export const CHROMIUM_PATHS: readonly string[];
export const CHROMIUM_ENV: readonly string[];
export const APT_INSTALL: readonly (readonly [string, readonly string[]])[];

type Env = Record<string, string | undefined>;
interface Probe {
  env?: Env;
  isExecutable?: (file: string) => boolean;
}

export function isExecutableFile(file: string): boolean;
export function chromiumCandidates(env?: Env): string[];
export function findChromium(probe?: Probe): string | null;
export function onPath(command: string, probe?: Probe): boolean;

export type ChromiumDecision =
  | { action: 'use'; path: string }
  | { action: 'install'; commands: typeof APT_INSTALL }
  | { action: 'stop'; message: string };

export function chromiumDecision(facts: {
  found: string | null;
  isRoot: boolean;
  hasAptGet: boolean;
  platform?: string;
}): ChromiumDecision;
export function missingChromiumMessage(facts: { hasAptGet: boolean; platform?: string }): string;
