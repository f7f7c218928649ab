// The browser of the end-to-end tests (scripts/chromium.mjs): which one `npm test` picks, and what it does when a
// machine has none. The filesystem and the machine's facts are parameters, so nothing here needs root or apt-get.
import { describe, expect, it } from 'vitest';
import {
  APT_INSTALL,
  CHROMIUM_PATHS,
  DEBIAN_CHROMIUM,
  HEADLESS_SHELL,
  chromiumCandidates,
  chromiumDecision,
  findChromium,
  onPath,
} from '../../scripts/chromium.mjs';

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);
const none = () => false;

describe('finding a Chromium or Chrome', () => {
  it('takes PLAYWRIGHT_CHROMIUM_PATH first, even when /usr/bin/chromium is there', () => {
    const env = { PLAYWRIGHT_CHROMIUM_PATH: '/home/dev/chrome/chrome', CHROMIUM_PATH: '/opt/other/chromium' };
    const isExecutable = only('/home/dev/chrome/chrome', '/opt/other/chromium', '/usr/bin/chromium');
    expect(findChromium({ env, isExecutable })).toBe('/home/dev/chrome/chrome');
  });

  it('takes CHROMIUM_PATH next, before the usual paths', () => {
    const env = { CHROMIUM_PATH: '/opt/other/chromium' };
    expect(findChromium({ env, isExecutable: only('/opt/other/chromium', '/usr/bin/chromium') })).toBe(
      '/opt/other/chromium',
    );
  });

  it('falls through a variable that names a missing file to /usr/bin/chromium', () => {
    const env = { PLAYWRIGHT_CHROMIUM_PATH: '/nowhere/chromium', CHROMIUM_PATH: '' };
    expect(findChromium({ env, isExecutable: only('/usr/bin/chromium', '/usr/bin/google-chrome') })).toBe(
      '/usr/bin/chromium',
    );
  });

  it("tries Debian's headless shell, then /usr/bin/chromium, then the usual install paths in order, macOS included", () => {
    expect(chromiumCandidates({})).toEqual(CHROMIUM_PATHS);
    expect(CHROMIUM_PATHS.slice(0, 2)).toEqual(['/usr/bin/chromium-headless-shell', '/usr/bin/chromium']);
    expect(findChromium({ env: {}, isExecutable: only(DEBIAN_CHROMIUM, HEADLESS_SHELL) })).toBe(HEADLESS_SHELL);
    expect(findChromium({ env: {}, isExecutable: only('/snap/bin/chromium', '/opt/google/chrome/chrome') })).toBe(
      '/snap/bin/chromium',
    );
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({ env: {}, isExecutable: only(mac) })).toBe(mac);
  });

  it('finds nothing on a machine without a browser', () => {
    expect(findChromium({ env: { PLAYWRIGHT_CHROMIUM_PATH: '/nowhere/chromium' }, isExecutable: none })).toBeNull();
  });

  it("looks for apt-get in PATH's folders", () => {
    const env = { PATH: ['/usr/local/bin', '/usr/bin'].join(process.platform === 'win32' ? ';' : ':') };
    expect(onPath('apt-get', { env, isExecutable: only('/usr/bin/apt-get') })).toBe(true);
    expect(onPath('apt-get', { env, isExecutable: only('/sbin/apt-get') })).toBe(false);
    expect(onPath('apt-get', { env: {}, isExecutable: () => true })).toBe(false);
  });
});

describe('what the pre-step of npm test does', () => {
  it('uses the headless shell, or any browser it may not trade for it, installing nothing', () => {
    expect(chromiumDecision({ found: HEADLESS_SHELL, isRoot: true, hasAptGet: true })).toEqual({
      action: 'use',
      path: HEADLESS_SHELL,
    });
    expect(chromiumDecision({ found: '/opt/google/chrome/chrome', isRoot: true, hasAptGet: true })).toEqual({
      action: 'use',
      path: '/opt/google/chrome/chrome',
    });
    expect(chromiumDecision({ found: DEBIAN_CHROMIUM, isRoot: false, hasAptGet: true })).toEqual({
      action: 'use',
      path: DEBIAN_CHROMIUM,
    });
  });

  it("installs Debian's headless shell when none is found, or only the whole browser, as root with apt-get", () => {
    for (const found of [null, DEBIAN_CHROMIUM]) {
      expect(chromiumDecision({ found, isRoot: true, hasAptGet: true })).toEqual({
        action: 'install',
        commands: APT_INSTALL,
      });
    }
    expect(APT_INSTALL.map(([command, args]) => [command, args.filter((a) => !a.startsWith('-q'))])).toEqual([
      ['apt-get', ['update']],
      ['apt-get', ['install', '-y', 'chromium-headless-shell']],
    ]);
  });

  it('stops with one sentence naming the package when it may not install (apt-get but not root)', () => {
    const decision = chromiumDecision({ found: null, isRoot: false, hasAptGet: true, platform: 'linux' });
    expect(decision.action).toBe('stop');
    const message = decision.action === 'stop' ? decision.message : '';
    expect(message).toMatch(
      /^No Chromium or Chrome found for the end-to-end tests: .*apt-get install -y chromium-headless-shell/,
    );
    expect(message).toMatch(/PLAYWRIGHT_CHROMIUM_PATH/);
    expect(message.match(/\.(\s|$)/g)).toHaveLength(1); // one sentence
  });

  it('stops without apt-get too, even as root, saying what to install', () => {
    const linux = chromiumDecision({ found: null, isRoot: true, hasAptGet: false, platform: 'linux' });
    const mac = chromiumDecision({ found: null, isRoot: false, hasAptGet: false, platform: 'darwin' });
    expect(linux).toEqual({ action: 'stop', message: expect.stringMatching(/install Chromium or Google Chrome/) });
    expect(mac).toEqual({ action: 'stop', message: expect.stringMatching(/install Google Chrome/) });
  });
});
