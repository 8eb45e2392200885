import fs from 'node:fs';
import { finished, pipeline } from 'node:stream/promises';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import zlib from 'node:zlib';
import type { ExportInput } from './import-check.ts';

export interface ExportFileWriter {
  /** Where exportTenant writes (gzip-compressed on the way when the file name ends in .gz). */
  stream: Writable;
  /** Flushes and moves the finished file into place. */
  commit(): Promise<void>;
  /** Throws the partial file away. */
  discard(): Promise<void>;
}

/**
 * A file for an export. It is written under a `.partial` name and renamed when complete, so a failed or
 * interrupted export never leaves something at `file` that looks like a finished export.
 */
export function createExportFile(file: string): ExportFileWriter {
  const partial = `${file}.partial`;
  const target = fs.createWriteStream(partial);
  const stream = file.endsWith('.gz') ? zlib.createGzip() : new PassThrough();
  const done = pipeline(stream, target);
  // Observed by commit() or discard(); without this an early failure would be an unhandled rejection.
  done.catch(() => undefined);
  return {
    stream,
    async commit() {
      stream.end();
      await done;
      await fs.promises.rename(partial, file);
    },
    async discard() {
      stream.destroy();
      await finished(target).catch(() => undefined);
      await fs.promises.rm(partial, { force: true });
    },
  };
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Opens an export for importTenant, which reads it twice. Gzip is recognised by its first bytes rather
 * than the name, so a renamed file still imports. Throws ENOENT and friends at once, before any read.
 */
export function openExportFile(file: string): () => ExportInput {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(2);
  const bytes = fs.readSync(fd, head, 0, 2, 0);
  fs.closeSync(fd);
  const isGzip = bytes === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  return () => {
    const source: Readable = fs.createReadStream(file);
    if (!isGzip) return source;
    const gunzip = zlib.createGunzip();
    // pipeline passes a read error on to gunzip, whose reader then sees it instead of waiting forever.
    pipeline(source, gunzip).catch(() => undefined);
    return gunzip;
  };
}
