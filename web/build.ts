/**
 * Builds the web app (web/ → web/dist/) when its sources changed since the last build, so that
 * `npm start` on a fresh clone serves the current app without a separate step, and a start with an
 * up-to-date build costs only a hash of the sources (a few ms).
 *
 * Why a build and not Vite's dev middleware: the built app is what CloudFront serves, under the same
 * CSP; a Cloudscape page in dev mode is hundreds of unbundled modules per load (slow on 2 cores and
 * in the browser tests); and a production build of this app takes a few seconds.
 *
 * Concurrent starts (tests run several `npm start`s) take a lock (a directory), build into a
 * private folder, and swap it in with a rename, so no one ever serves a half-written build.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const WEB_DIR = import.meta.dirname;
export const DIST_DIR = join(WEB_DIR, 'dist');
const STAMP_FILE = '.source-hash';
const LOCK_DIR = join(WEB_DIR, '.build-lock');
const STALE_LOCK_MS = 5 * 60_000;

/** What the build reads: web/ (but its outputs), the lockfile (dependency versions). */
export function sourceHash(webDir = WEB_DIR): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.test\.tsx?$/.test(entry.name)) {
        hash.update(relative(webDir, path)).update('\0').update(readFileSync(path)).update('\0');
      }
    }
  };
  walk(webDir);
  const lockfile = resolve(webDir, '../package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}

/** Whether web/dist holds a build of the current sources. */
export function isBuildCurrent(hash = sourceHash()): boolean {
  try {
    return (
      readFileSync(join(DIST_DIR, STAMP_FILE), 'utf8') === hash &&
      existsSync(join(DIST_DIR, 'index.html'))
    );
  } catch {
    return false;
  }
}

/**
 * Builds web/dist unless it is current. Returns whether it built, and how long it took.
 * @param log progress lines (e.g. "building the web app…")
 */
export async function ensureWebBuild(
  log: (line: string) => void = () => undefined,
): Promise<{ built: boolean; ms: number }> {
  const startedAt = performance.now();
  const hash = sourceHash();
  if (isBuildCurrent(hash)) return { built: false, ms: Math.round(performance.now() - startedAt) };
  await acquireLock();
  try {
    if (isBuildCurrent(hash))
      return { built: false, ms: Math.round(performance.now() - startedAt) };
    log('Building the web app (web/ changed since the last build)…');
    const outDir = join(WEB_DIR, `.dist-${process.pid}`);
    rmSync(outDir, { recursive: true, force: true });
    const { build } = await import('vite');
    await build({
      configFile: join(WEB_DIR, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    writeFileSync(join(outDir, STAMP_FILE), hash);
    const old = join(WEB_DIR, `.dist-old-${process.pid}`);
    if (existsSync(DIST_DIR)) renameSync(DIST_DIR, old);
    renameSync(outDir, DIST_DIR);
    rmSync(old, { recursive: true, force: true });
    return { built: true, ms: Math.round(performance.now() - startedAt) };
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

async function acquireLock(): Promise<void> {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed build is taken over once it is old.
      const lockedAt = statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      const age = Date.now() - lockedAt;
      if (age > STALE_LOCK_MS || Date.now() > deadline)
        rmSync(LOCK_DIR, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

// `npm run build:web`: the same build, outside `npm start`.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const result = await ensureWebBuild(say);
  say(result.built ? `web app built in ${result.ms} ms` : 'web app is up to date');
}
