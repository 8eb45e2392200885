import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { freePort } from '../support/server-process.ts';

/**
 * What a browser journey needs: a fresh web build, a real `bulwark serve` on the seeded demo (its organization
 * and its administrator's one-time password), and Debian's chromium through playwright-core. The web build and
 * the demo are made once per run (global-setup.ts); each file serves its own copy of the demo.
 */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results/screenshots');
const CHROMIUM = '/usr/bin/chromium';

/** Builds web/dist when it is missing or older than web/src (the same check `npm start` makes). */
export function ensureWebBuild(): void {
  execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit', timeout: 240_000 });
}

// The demo banner's lines: `|   email:    admin@demo.example   |` and `|   password: <one-time secret>   |`.
const BANNER_EMAIL = /^\|\s+email:\s+(\S+)/m;
const BANNER_PASSWORD = /^\|\s+password:\s+(\S+)/m;

export interface DemoServer {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  stop(): Promise<void>;
}

/** A data directory holding the seeded demo, and the demo administrator's one-time credentials. */
export interface DemoTemplate {
  dataDir: string;
  adminEmail: string;
  adminPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Made once per run by test/browser/global-setup.ts; every file's server starts on a copy of it. */
    demoTemplate: DemoTemplate;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `bulwark serve` on a free port and `dataDir`; resolves once /readyz answers and, when `untilOutput`
 * is given, once the output matches it. Stopping sends SIGTERM (SIGKILL after 5 s) and, with `removeDataDir`,
 * deletes the directory.
 */
async function serveDemo(
  dataDir: string,
  options: { untilOutput?: RegExp; removeDataDir: boolean; timeoutMs: number },
): Promise<{ baseUrl: string; output: () => string; stop(): Promise<void> }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    BULWARK_DEMO: 'true',
    BULWARK_SECURE_COOKIES: 'false',
  };
  delete env.DATABASE_URL;
  delete env.BULWARK_DATA_DIR;
  delete env.BULWARK_WEB_DIR;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve', '--port', String(port), '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited(child);
    clearTimeout(killTimer);
    if (options.removeDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + options.timeoutMs;
  try {
    let isReady = false;
    while (!isReady || (options.untilOutput && !options.untilOutput.test(output))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`bulwark serve exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`bulwark serve was not ready within ${options.timeoutMs} ms:\n${output}`);
      if (!isReady) isReady = await answersReady(baseUrl);
      await sleep(isReady ? 50 : 200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}

/**
 * Seeds the demo once: serves an empty data directory until the demo banner shows, reads the administrator's
 * one-time credentials from it, and stops the server so the directory can be copied.
 */
export async function seedDemoTemplate(timeoutMs = 180_000): Promise<DemoTemplate> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-browser-demo-'));
  const server = await serveDemo(dataDir, { untilOutput: BANNER_PASSWORD, removeDataDir: false, timeoutMs });
  await server.stop();
  const email = BANNER_EMAIL.exec(server.output())?.[1];
  const password = BANNER_PASSWORD.exec(server.output())?.[1];
  if (!email || !password) throw new Error(`no demo credentials in the banner:\n${server.output()}`);
  return { dataDir, adminEmail: email, adminPassword: password };
}

/**
 * A server of its own for one test file, on a copy of the seeded demo: files cannot see each other's changes,
 * and none of them pays for seeding.
 */
export async function startDemoServer(template: DemoTemplate, timeoutMs = 90_000): Promise<DemoServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-browser-data-'));
  fs.cpSync(template.dataDir, dataDir, { recursive: true });
  const server = await serveDemo(dataDir, { removeDataDir: true, timeoutMs });
  return { baseUrl: server.baseUrl, adminEmail: template.adminEmail, adminPassword: template.adminPassword, stop: server.stop };
}

async function answersReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's chromium, headless, with a throwaway profile, at a 1366×768 laptop's size. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-browser-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The set-up every journey shares: a web build, a demo server and a browser for the whole file, stopped after
 * it; `newPage` collects uncaught page errors, `signIn` signs the demo administrator in (or finds the session
 * already there), `screenshot` saves into test-results/screenshots.
 */
export interface BrowserSuite {
  started(): { server: DemoServer; browser: Browser };
  newPage(): Promise<{ page: Page; pageErrors: string[] }>;
  signIn(page: Page): Promise<void>;
  screenshot(page: Page, name: string, fullPage?: boolean): Promise<void>;
}

export function browserSuite(): BrowserSuite {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startDemoServer(inject('demoTemplate'));
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = (): { server: DemoServer; browser: Browser } => {
    if (!server || !browser) throw new Error('beforeAll did not finish');
    return { server, browser };
  };
  return {
    started,
    async newPage() {
      const page = await started().browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return { page, pageErrors };
    },
    async signIn(page) {
      const demo = started().server;
      await page.goto(demo.baseUrl);
      const home = page.getByRole('heading', { level: 1, name: 'Demo Corp' });
      await home.or(page.getByRole('heading', { level: 1, name: 'Sign in' })).waitFor();
      if (await home.isVisible()) return;
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill(demo.adminEmail);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demo.adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await home.waitFor();
    },
    async screenshot(page, name, fullPage = false) {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled', fullPage });
    },
  };
}
