import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERENCE_DIR, type Workload } from './workloads.ts';

/**
 * The reference kernels, built and run at bench time from a temporary copy of the shared folder: the C
 * kernel (gcc -O3 -march=native) and numpy. Nothing of theirs is kept in the repository.
 */
export interface ReferenceRun {
  median_total_s: number;
  ale: number;
  p95: number;
  peakRssMB: number | null;
  [key: string]: unknown;
}

export class References {
  private constructor(readonly dir: string) {}

  static prepare(): References {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-fair-ref-'));
    cpSync(REFERENCE_DIR, dir, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', dir]);
    execFileSync('gcc', ['-O3', '-march=native', '-o', 'c_fair', 'c_fair.c', '-lm'], { cwd: dir, stdio: 'inherit' });
    return new References(dir);
  }

  static hasNumpy(): boolean {
    return spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
  }

  /** kernel: pert, pert-table or compound. */
  c(kernel: string, workload: Workload, reps: number): ReferenceRun {
    return this.timed(['./c_fair', kernel, workload, String(reps)]);
  }

  numpy(kernel: 'pert' | 'compound', workload: Workload, reps: number): ReferenceRun {
    return this.timed(['python3', 'numpy_fair.py', kernel, workload, String(reps)]);
  }

  /**
   * pyfair, the peer the issue names, if a checkout of it is at PYFAIR_DIR (default /work/peers/pyfair) and
   * PYFAIR_PYTHON (default Debian's /usr/bin/python3, with python3-pandas and python3-scipy) imports it.
   * Our own driver, pyfair_w2.py, runs it; pyfair is never copied into the repository.
   */
  static pyfair(): { python: string; path: string } | null {
    const peer = { python: process.env.PYFAIR_PYTHON ?? '/usr/bin/python3', path: process.env.PYFAIR_DIR ?? '/work/peers/pyfair' };
    const probe = spawnSync(peer.python, ['-c', 'import pyfair'], { stdio: 'ignore', env: { ...process.env, PYTHONPATH: peer.path } });
    return probe.status === 0 ? peer : null;
  }

  /** pyfair on W2, product model: about 12 s a run on these machines, hence few reps. */
  pyfairW2(peer: { python: string; path: string }, reps: number): ReferenceRun {
    const driver = join(import.meta.dirname, 'pyfair_w2.py');
    return this.timed([peer.python, driver, this.dir, String(reps)], { PYTHONPATH: peer.path });
  }

  /** Runs under /usr/bin/time for the peak RSS (its %M line is the last line of stderr). */
  private timed(command: string[], env: Record<string, string> = {}): ReferenceRun {
    const result = spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M', ...command], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
    const rss = /maxrss_kb=(\d+)/.exec(result.stderr);
    const run = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ReferenceRun;
    return { ...run, peakRssMB: rss ? Math.round(Number(rss[1]) / 102.4) / 10 : null };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
