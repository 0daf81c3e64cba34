/**
 * A real VS Code on machines that cannot download the desktop build: the pinned code-server (VS Code
 * with a Node extension host) installed once into `.cache/code-server`, started on a free loopback
 * port with throwaway profile folders, and driven by Debian's Chromium through playwright-core.
 * See /work/shared/docs/real-vscode.md for the facts this rests on.
 *
 * Everything here is used by the scripts beside it: test-integration, start, screenshots, check-vsix.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
/** @vscode/ripgrep version inside code-server 4.100.3 and the rg build its postinstall fetches. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CACHE = path.join(ROOT, '.cache');
export const CODE_SERVER_DIR = path.join(CACHE, 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const INSTALLED_MARKER = path.join(CODE_SERVER_DIR, 'installed.json');
export const EXTENSION_ID = 'handbook-roles.handbook-roles';

/** Packages under code-server whose install scripts must run (native addons, symlinks, rg). */
const ALLOWED_INSTALL_SCRIPTS = [
  'code-server',
  'argon2',
  '@parcel/watcher',
  '@vscode/deviceid',
  '@vscode/ripgrep',
  '@vscode/spdlog',
  '@vscode/windows-ca-certs',
  '@vscode/windows-process-tree',
  '@vscode/windows-registry',
  'kerberos',
  'native-watchdog',
  'node-pty',
  'esbuild',
];

export function log(message: string): void {
  process.stderr.write(`[real-vscode] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every started process group and temp folder is released on exit, Ctrl-C and timeouts.

type Cleanup = () => void | Promise<void>;
const cleanups: Cleanup[] = [];
const syncKills = new Set<number>();
let cleaning: Promise<void> | undefined;

export function onCleanup(fn: Cleanup): void {
  cleanups.push(fn);
}

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (e) {
        log(`cleanup: ${(e as Error).message}`);
      }
    }
  })();
  return cleaning;
}

let handlersInstalled = false;
/** Ctrl-C, SIGTERM and SIGHUP run the cleanups, then exit 130/143/129; plain exit kills groups. */
export function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const signal of Object.keys(codes)) {
    process.on(signal, () => {
      // tsx relays the terminal's signal to this process too: say it once.
      if (!cleaning) log(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(codes[signal]));
    });
  }
  // Last resort if the process exits without awaiting cleanup(): no code-server outlives us.
  process.on('exit', () => {
    for (const pid of syncKills) killGroup(pid, 'SIGKILL');
  });
}

/** Rejects after `ms` so that a hung run cannot block CI; the caller's finally runs cleanup(). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs a script's `main` to its exit status: signal handlers first, an optional time limit, the
 * error's message (its stack with `stack`) on failure, cleanup() always, then process.exit.
 */
export function runToExit(main: () => Promise<number>, options: { limitMs?: number; what?: string; stack?: boolean } = {}): void {
  installSignalHandlers();
  const run = options.limitMs ? withTimeout(main(), options.limitMs, options.what ?? 'run') : main();
  void run
    .catch((e: unknown) => {
      log(e instanceof Error ? (options.stack && e.stack) || e.message : String(e));
      return 1;
    })
    .then(async (code) => {
      await cleanup();
      process.exit(code);
    });
}

/** Bundles a script that runs inside the extension host (a probe, a driver) next to the tests. */
export function bundleForExtensionHost(entry: string, outfile: string): Promise<unknown> {
  return esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the whole process group, then SIGKILL whatever is left after `graceMs`. */
export async function stopGroup(pid: number, graceMs = 3000): Promise<void> {
  syncKills.delete(pid);
  if (!killGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await delay(100);
  if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
}

/** A pause used only for polling loops (health checks, process exit), never to order test steps. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Debian packages and code-server installation.

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg: string): boolean {
  // Not Debian: nothing to check here; the steps that need a tool say so when it is missing.
  if (!hasCommand('dpkg-query')) return true;
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;
/**
 * Installs missing Debian packages when root (apt-get update once first, waiting for another
 * apt's lock instead of failing); otherwise stops with the exact command to run.
 */
export function ensureDebianPackages(packages: string[]): void {
  const missing = packages.filter((p) => !dpkgInstalled(p));
  if (!missing.length) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot() || !hasCommand('apt-get')) {
    throw new Error(`missing Debian packages: ${missing.join(', ')}. Install them with:\n  sudo sh -c '${command}'`);
  }
  const lockWait = ['-o', 'DPkg::Lock::Timeout=900'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    const u = spawnSync('apt-get', [...lockWait, 'update'], { stdio: 'inherit', env });
    if (u.status !== 0) throw new Error('apt-get update failed');
    aptUpdated = true;
  }
  log(`apt-get install -y ${missing.join(' ')}`);
  const r = spawnSync('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
}

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (fs.existsSync(p)) return p;
  ensureDebianPackages(['chromium']);
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error('chromium not found after installing it');
}

function installedVersion(): string | undefined {
  try {
    const marker = JSON.parse(fs.readFileSync(INSTALLED_MARKER, 'utf8')) as { version?: string };
    return marker.version && fs.existsSync(CODE_SERVER_ENTRY) ? marker.version : undefined;
  } catch {
    return undefined;
  }
}

/** Puts Debian's `rg` where @vscode/ripgrep's postinstall looks before it would download one. */
function seedRipgrepCache(tmpDir: string): void {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('rg not found (Debian package ripgrep)');
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmpDir, 'rg-'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const r = spawnSync('tar', ['-czf', path.join(cacheDir, RIPGREP_ASSET), '-C', stage, 'rg'], { stdio: 'inherit' });
  fs.rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error('could not seed the ripgrep cache');
}

/** Serialises installs between concurrent scripts (a test run and `npm start`, say). */
async function withInstallLock<T>(fn: () => Promise<T> | T): Promise<T> {
  const lock = path.join(CACHE, 'code-server.lock');
  fs.mkdirSync(CACHE, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* the holder is between mkdir and writing its pid */
      }
      let alive = false;
      if (Number.isInteger(holder) && holder > 0) {
        try {
          process.kill(holder, 0);
          alive = true;
        } catch {
          alive = false;
        }
      }
      let ageMs = 0;
      try {
        ageMs = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      // A dead holder, or one that died between creating the lock and writing its pid.
      if ((!alive && Number.isInteger(holder)) || (Number.isNaN(holder) && ageMs > 60_000))
        fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > 20 * 60_000) throw new Error(`install lock ${lock} held for 20 minutes`);
      else await delay(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs code-server@CODE_SERVER_VERSION into .cache/code-server unless that version is
 * already there. Returns the path of its entry script (run it with `node`).
 */
export async function ensureCodeServer(): Promise<string> {
  if (installedVersion() === CODE_SERVER_VERSION) return CODE_SERVER_ENTRY;
  return withInstallLock(async () => {
    if (installedVersion() === CODE_SERVER_VERSION) return CODE_SERVER_ENTRY;
    const major = Number(process.versions.node.split('.')[0]);
    if (major !== 20) throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}`);
    ensureDebianPackages(['ripgrep', 'libkrb5-dev']);
    const started = Date.now();
    log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, CODE_SERVER_DIR)} (once; about a minute)`);
    fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
    const tmpDir = path.join(CODE_SERVER_DIR, 'tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    seedRipgrepCache(tmpDir);
    const allowScripts = Object.fromEntries(ALLOWED_INSTALL_SCRIPTS.map((p) => [p, true]));
    fs.writeFileSync(
      path.join(CODE_SERVER_DIR, 'package.json'),
      JSON.stringify(
        {
          name: 'handbook-roles-code-server',
          private: true,
          description: 'The pinned code-server the project tests in; installed by scripts/real-vscode/lib.ts.',
          dependencies: { 'code-server': CODE_SERVER_VERSION },
          allowScripts,
        },
        null,
        2,
      ) + '\n',
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TMPDIR: tmpDir,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const logFile = path.join(CODE_SERVER_DIR, 'install.log');
    const npm = async (args: string[]) => {
      const out = fs.openSync(logFile, 'a');
      fs.writeSync(out, `\n$ npm ${args.join(' ')}\n`);
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn('npm', args, { cwd: CODE_SERVER_DIR, env, stdio: ['ignore', out, out], detached: true });
        syncKills.add(child.pid!);
        child.on('error', reject);
        child.on('exit', (c) => {
          syncKills.delete(child.pid!);
          resolve(c);
        });
      });
      fs.closeSync(out);
      return code;
    };
    // 1. Fetch everything without running any script.
    let code = await npm(['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
    // 2. code-server's postinstall runs `npm install` in lib/vscode and lib/vscode/extensions. npm 11
    //    blocks dependency scripts without an allowScripts entry in the installing project's
    //    package.json and refuses --allow-scripts from the command line or environment there (the
    //    parent npm would pass it down), so approve the same list in those package.json files.
    if (code === 0) {
      for (const sub of ['lib/vscode', 'lib/vscode/extensions']) {
        const file = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', sub, 'package.json');
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        pkg.allowScripts = allowScripts;
        fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
      }
      // 3. Now run the install scripts: argon2's build, then code-server's postinstall.
      code = await npm(['rebuild', '--foreground-scripts']);
    }
    const nativeOk = fs.existsSync(
      path.join(
        CODE_SERVER_DIR,
        'node_modules',
        'code-server',
        'lib',
        'vscode',
        'node_modules',
        'node-pty',
        'build',
        'Release',
        'pty.node',
      ),
    );
    const rgOk = fs.existsSync(
      path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    );
    if (code !== 0 || !fs.existsSync(CODE_SERVER_ENTRY) || !nativeOk || !rgOk) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`code-server install failed (exit ${code}, node-pty built: ${nativeOk}, rg: ${rgOk}); log ${logFile}:\n${tail}`);
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
    const seconds = (Date.now() - started) / 1000;
    fs.writeFileSync(
      INSTALLED_MARKER,
      JSON.stringify({ version: CODE_SERVER_VERSION, installSeconds: seconds, at: new Date().toISOString() }) + '\n',
    );
    log(`code-server@${CODE_SERVER_VERSION} installed in ${seconds.toFixed(0)} s`);
    return CODE_SERVER_ENTRY;
  });
}

// ---------------------------------------------------------------------------------------------
// Starting code-server.

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** Settings for a throwaway profile: no autosave, no startup editor, no telemetry, no trust prompt. */
export const PROFILE_SETTINGS: Record<string, unknown> = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Light Modern',
};

export interface CodeServer {
  port: number;
  url: string;
  /** The throwaway folder holding user data, extensions, home and the server log. */
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** Stops the server's whole process group. */
  stop(): Promise<void>;
  /** Resolves with the exit code when the server process exits (stopped or crashed). */
  exited: Promise<number | null>;
  /** The URL that opens `folder` with the given workbench payload entries. */
  /** The workbench on a folder, or on a multi-root workspace when given a `.code-workspace` file. */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** `vscode-remote://` URI of a local path, for payload entries. */
  remote(p: string): string;
  /** The last lines of the server log. */
  logTail(lines?: number): string;
}

export interface StartOptions {
  settings?: Record<string, unknown>;
  /** Extra code-server arguments (e.g. --install-extension is a separate call, see installExtension). */
  args?: string[];
  /** Reuse an extensions folder (for an installed .vsix); otherwise a fresh empty one. */
  extensionsDir?: string;
  /** Extra environment for the server and its extension host. */
  env?: NodeJS.ProcessEnv;
  keep?: boolean;
  /** A fixed port instead of a free one. */
  port?: number;
  /** Keep workspace trust on, so the folder opens untrusted (restricted mode). */
  workspaceTrust?: boolean;
}

/** Throwaway folder under the OS temp dir, removed by cleanup() unless HANDBOOK_KEEP_RUNS=1. */
export function tempDir(prefix: string, keep = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `handbook-${prefix}-`));
  if (!keep && process.env.HANDBOOK_KEEP_RUNS !== '1') onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function serverEnv(dir: string, extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const home = path.join(dir, 'home');
  for (const d of ['home', 'home/.config', 'home/.local/share', 'tmp']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  const env: NodeJS.ProcessEnv = {};
  // A small, explicit environment: nothing of the caller's VS Code or npm session leaks in.
  for (const k of ['PATH', 'LANG', 'LC_ALL', 'TZ', 'CI']) if (process.env[k] !== undefined) env[k] = process.env[k];
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: path.join(dir, 'tmp'),
    ...extra,
  };
}

/** Runs `code-server --install-extension VSIX` into `extensionsDir` (no server is started). */
export async function installExtension(vsix: string, extensionsDir: string): Promise<string> {
  const entry = await ensureCodeServer();
  const dir = tempDir('install');
  const r = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { env: serverEnv(dir, undefined), encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (exit ${r.status}):\n${output}`);
  return output;
}

export async function startCodeServer(options: StartOptions = {}): Promise<CodeServer> {
  installSignalHandlers();
  const entry = await ensureCodeServer();
  const dir = tempDir('code-server', options.keep);
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(dir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...PROFILE_SETTINGS, ...options.settings }, null, 2));
  const logFile = path.join(dir, 'code-server.log');

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const out = fs.openSync(logFile, 'a');
    const child: ChildProcess = spawn(
      process.execPath,
      [
        entry,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir,
        '--disable-telemetry',
        '--disable-update-check',
        ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        '--disable-proxy',
        '--ignore-last-opened',
        ...(options.args ?? []),
      ],
      // detached: the server leads its own process group (setsid), so one kill stops it all.
      { env: serverEnv(dir, options.env), stdio: ['ignore', out, out], detached: true },
    );
    fs.closeSync(out);
    const pid = child.pid!;
    syncKills.add(pid);
    let exited: number | null | undefined;
    const exitedPromise = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        exited = code;
        resolve(code);
      }),
    );
    const stop = () => stopGroup(pid);
    onCleanup(stop);

    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    let healthy = false;
    while (Date.now() < deadline && exited === undefined) {
      if ((await get(`${url}/healthz`)) === 200) {
        healthy = true;
        break;
      }
      await delay(200);
    }
    const logTail = (lines = 40) => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n') : '');
    if (!healthy) {
      await stop();
      if (attempt < 3 && options.port === undefined && /EADDRINUSE/.test(logTail())) continue;
      throw new Error(`code-server did not become healthy (exit ${exited}); log ${logFile}:\n${logTail()}`);
    }
    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    return {
      port,
      url,
      dir,
      userDataDir,
      extensionsDir,
      logFile,
      stop,
      exited: exitedPromise,
      remote,
      logTail,
      workbenchUrl(folder, payload = []) {
        const q = new URLSearchParams(
          folder.endsWith('.code-workspace') ? { workspace: path.resolve(folder) } : { folder: path.resolve(folder) },
        );
        if (payload.length) q.set('payload', JSON.stringify(payload));
        return `${url}/?${q.toString()}`;
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium.

export interface BrowserOptions {
  headless?: boolean;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
}

export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserContext> {
  installSignalHandlers();
  const profile = tempDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  onCleanup(() => context.close().catch(() => undefined));
  return context;
}

/** The workbench is usable once its status bar and activity bar are rendered. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Copies a folder (a fixture or the built-in handbook) into a throwaway place under a given name. */
export function copyToTemp(src: string, name: string, prefix = 'workspace'): string {
  const parent = tempDir(prefix);
  const dest = path.join(parent, name);
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}

/**
 * A throwaway demo workspace `handbook-demo/` holding a copy of the built-in handbook
 * (builtin/roles/*.md under roles/), so the extension shows real role files.
 */
export function makeDemoWorkspace(): string {
  const dir = path.join(tempDir('demo'), 'handbook-demo');
  fs.mkdirSync(path.join(dir, 'roles'), { recursive: true });
  const builtin = path.join(ROOT, 'builtin', 'roles');
  for (const f of fs.readdirSync(builtin).filter((n) => n.endsWith('.md')))
    fs.copyFileSync(path.join(builtin, f), path.join(dir, 'roles', f));
  fs.writeFileSync(
    path.join(dir, 'README.md'),
    '# Handbook demo\n\nA throwaway copy of the built-in handbook (`roles/`). Edit freely: it is deleted when `npm start` stops.\n',
  );
  return dir;
}
