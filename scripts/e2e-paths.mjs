// Where an end-to-end server keeps its files, named from the run (E2E_RUN_ID) and the server's port: the server
// (scripts/e2e-server.mjs), the journeys (tests/e2e/support.ts) and the teardown find the same folders this way.
import os from 'node:os';
import path from 'node:path';

/** Every temporary folder of a run starts with this, in the system's temporary folder. */
export function e2eTempPrefix(runId) {
  return `portail-e2e-${runId}-`;
}

/** The MAIL_DEV_DIR of the server on `port`: the live version of its invitation and reset e-mails. */
export function e2eMailDir(runId, port) {
  return path.join(os.tmpdir(), `${e2eTempPrefix(runId)}${port}-mail`);
}

/** Where the server on `port` writes its process id: the teardown stops the servers before it drops their databases. */
export function e2ePidFile(runId, port) {
  return path.join(os.tmpdir(), `${e2eTempPrefix(runId)}${port}.pid`);
}
