// The Chromium (or Chrome) of the end-to-end tests: one list and one finder, shared by the pre-step of `npm test`
// (scripts/find-chromium.mjs, which may install Debian's package) and playwright.config.ts, so both pick the same one.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Debian's headless shell of Chromium (package chromium-headless-shell): the browser Playwright itself runs headless.
 * Without the whole browser's user interface, it costs the journeys less CPU on a 2-core machine.
 */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** Debian's whole browser (package chromium). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Where a Chromium or Chrome usually lives, Debian's packages first. */
export const CHROMIUM_PATHS = [
  HEADLESS_SHELL,
  DEBIAN_CHROMIUM,
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The variables that name a browser explicitly; they win over the usual paths. */
export const CHROMIUM_ENV = ['PLAYWRIGHT_CHROMIUM_PATH', 'CHROMIUM_PATH'];

/** True when `file` is a regular file this process may execute. */
export function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The candidates in order: the variables that are set, then the usual paths. */
export function chromiumCandidates(env = process.env) {
  const named = CHROMIUM_ENV.map((name) => env[name]).filter((value) => typeof value === 'string' && value !== '');
  return [...named, ...CHROMIUM_PATHS];
}

/** The first candidate that is an executable file, else null. A variable naming a missing file falls through. */
export function findChromium({ env = process.env, isExecutable = isExecutableFile } = {}) {
  return chromiumCandidates(env).find((candidate) => isExecutable(candidate)) ?? null;
}

/** Whether `command` is an executable file in one of PATH's folders. */
export function onPath(command, { env = process.env, isExecutable = isExecutableFile } = {}) {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && isExecutable(path.join(dir, command)));
}

/** The commands that install Debian's headless shell of Chromium. */
export const APT_INSTALL = [
  ['apt-get', ['update', '-qq']],
  ['apt-get', ['install', '-y', '-qq', 'chromium-headless-shell']],
];

/**
 * What the pre-step does: use the browser found, except that Debian's whole browser is traded for its headless shell
 * when apt-get is there and the process is root (the caller falls back to the browser found if that fails); with no
 * browser, install the headless shell the same way; else stop with one sentence saying what to install.
 */
export function chromiumDecision({ found, isRoot, hasAptGet, platform = process.platform }) {
  const mayInstall = hasAptGet && isRoot;
  if (found && !(found === DEBIAN_CHROMIUM && mayInstall)) return { action: 'use', path: found };
  if (mayInstall) return { action: 'install', commands: APT_INSTALL };
  return { action: 'stop', message: missingChromiumMessage({ hasAptGet, platform }) };
}

/** The one sentence printed when no browser can be found or installed. */
export function missingChromiumMessage({ hasAptGet, platform = process.platform }) {
  const install = hasAptGet
    ? "install Debian's headless Chromium (`sudo apt-get install -y chromium-headless-shell`)"
    : platform === 'darwin'
      ? 'install Google Chrome (https://www.google.com/chrome/)'
      : "install Chromium or Google Chrome with your system's package manager";
  return (
    `No Chromium or Chrome found for the end-to-end tests: ${install}, ` +
    'or set PLAYWRIGHT_CHROMIUM_PATH to its executable.'
  );
}
