import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const READY_TIMEOUT_MS = 120_000;
const STDERR_TAIL_CHARS = 4000;

/** A server under test running in its own process, so its resident memory is its own. */
export interface ServerProcess {
  name: string;
  pid: number;
  baseUrl: string;
  /** Resident set size now, in MiB (VmRSS of /proc/<pid>/status). */
  rssMb(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function readRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system, every thread) a process has used so far, in ms; 0 once it is gone. */
export function readCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Starts `node <args>` in `cwd` and waits until GET `readyPath` answers 200. A child that exits first
 * fails the bench with the tail of its stderr.
 */
export async function startServer(options: {
  name: string;
  cwd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderrTail = '';
  const keepTail = (chunk: Buffer): void => {
    stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  };
  child.stderr!.on('data', keepTail);
  child.stdout!.on('data', keepTail);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error(`${options.name} exited before it was ready:\n${stderrTail}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready within ${READY_TIMEOUT_MS} ms:\n${stderrTail}`);
    }
    const ok = await fetch(baseUrl + options.readyPath).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await sleep(100);
  }
  const pid = child.pid!;
  return {
    name: options.name,
    pid,
    baseUrl,
    rssMb: () => readRssMb(pid),
    stop: () => stopChild(child, exit, () => exited),
  };
}

async function stopChild(child: ChildProcess, exit: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exit;
  clearTimeout(timer);
}

/** Samples a process's RSS every `intervalMs` while `work` runs and returns the peak with the work's result. */
export async function withRssPeak<T>(pid: number, work: () => Promise<T>, intervalMs = 100): Promise<{ result: T; peakMb: number }> {
  let peakMb = readRssMb(pid);
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, readRssMb(pid));
  }, intervalMs);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, readRssMb(pid));
    return { result, peakMb };
  } finally {
    clearInterval(timer);
  }
}
