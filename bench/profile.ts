// The top self-time functions and modules of a V8 CPU profile (`node --cpu-prof`), for bench:pages or by hand:
// `npx tsx bench/profile.ts file.cpuprofile`. Modules are npm packages by name, Next's server chunks by file, our
// code (compiled into those chunks) cannot be told apart from its chunk: the function names say which.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A module's name: the npm package (scoped or not), else the file's last two path segments. */
function moduleOf(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.replaceAll('\\', '/'));
  if (pkg) {
    const inner = /\.next\/server\/(.+)$/.exec(url);
    return pkg[1] === 'next' && /dist\/compiled\/([^/]+)/.test(url)
      ? `next/compiled/${/dist\/compiled\/([^/]+)/.exec(url)![1]}`
      : (inner?.[1] ?? pkg[1]!);
  }
  if (url.startsWith('node:')) return 'node (core)';
  const next = /\.next\/server\/(.+)$/.exec(url);
  if (next) return `.next/server/${next[1]}`;
  return url.split('/').slice(-2).join('/');
}

/**
 * Prints the top self-time entries. `window` (microseconds of the monotonic clock, as process.hrtime and V8 count)
 * keeps the samples of the measured loop only, leaving out the start-up and the seeding.
 */
export function summariseProfile(file: string, window?: { from: number; to: number }, top = 20): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (window && (time < window.from || time > window.to)) continue;
    const node = byId.get(profile.samples[i]!)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += delta;
      continue;
    }
    total += delta;
    const name = `${functionName || '(anonymous)'}  ${moduleOf(url)}${url ? `:${lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + delta);
    const m = functionName.startsWith('(') ? functionName : moduleOf(url);
    mod.set(m, (mod.get(m) ?? 0) + delta);
  }
  const print = (title: string, entries: Map<string, number>) => {
    console.log(`\n${title}\n`);
    for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(
        `  ${(us / 1000).toFixed(0).padStart(7)} ms  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`,
      );
    }
  };
  console.log(
    `\n[profile] ${file}: ${(total / 1000).toFixed(0)} ms busy, ${(idle / 1000).toFixed(0)} ms idle` +
      (window ? ' (the measured loop only)' : ''),
  );
  print('Top self time by function', fn);
  print('Top self time by module', mod);
}

if (process.argv[1]?.endsWith('profile.ts') && process.argv[2]) {
  summariseProfile(process.argv[2], undefined, Number(process.argv[3] ?? 20));
}
