// Types of scripts/e2e-paths.mjs, for the journeys written in TypeScript.
export function e2eTempPrefix(runId: string): string;
export function e2eMailDir(runId: string, port: string | number): string;
export function e2ePidFile(runId: string, port: string | number): string;
