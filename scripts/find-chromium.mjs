// Before the end-to-end tests (`npm test`, `npm run test:e2e`): make sure a Chromium or Chrome is there, installing
// Debian's package when we may, else stop with one sentence. playwright.config.ts then finds the same browser.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_ENV, chromiumDecision, findChromium, isExecutableFile, onPath } from './chromium.mjs';

for (const name of CHROMIUM_ENV) {
  const value = process.env[name];
  if (value && !isExecutableFile(value)) console.warn(`[chromium] ${name}=${value} is not an executable: ignored.`);
}

const facts = () => ({
  isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  hasAptGet: onPath('apt-get'),
});

const found = findChromium();
let decision = chromiumDecision({ found, ...facts() });

if (decision.action === 'install') {
  console.log(
    found
      ? "[chromium] installing Debian's chromium-headless-shell package (lighter than the browser found)"
      : "[chromium] no Chromium or Chrome found: installing Debian's chromium-headless-shell package",
  );
  for (const [command, args] of decision.commands) {
    const run = spawnSync(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      console.error(`[chromium] \`${command} ${args.join(' ')}\` failed (exit ${run.status ?? run.signal}).`);
      break;
    }
  }
  // Whatever apt-get did, only a browser on disk counts (the one found before, if the install failed); never try
  // installing twice.
  decision = chromiumDecision({ found: findChromium(), ...facts(), isRoot: false });
}

if (decision.action === 'use') {
  console.log(`[chromium] end-to-end tests run in ${decision.path}`);
} else {
  console.error(decision.message);
  process.exit(1);
}
