import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory is in use by another Bulwark process (pid ${holderPid}); lock file ${lockPath}. ` +
        'Stop that process first, or point BULWARK_DATA_DIR elsewhere.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the directory.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite takes no lock on its directory, and two processes writing one directory corrupt it.
 * We create `bulwark.lock` exclusively (O_EXCL) with our pid. A lock left by a dead process (kill -9)
 * is stale and taken over; a live holder makes us fail with a clear error.
 * Returns the function that releases the lock.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'bulwark.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readHolder(lockPath) === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      // Our own pid counts as a live holder too: two stores on one directory in one process corrupt it as well.
      if (holder !== undefined && isAlive(holder)) throw new DataDirLockedError(lockPath, holder);
      // Stale (holder dead or file unreadable): remove and retry the exclusive create.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not acquire ${lockPath}`);
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
