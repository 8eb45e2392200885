import type { Transaction } from '@electric-sql/pglite';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Queryable, Store } from '../platform/db/store.ts';

/**
 * node-postgres arms its query_timeout timer (the pool's, 120 s) for every query and clears it in the query's
 * callback, which pg-copy-streams never calls: the timer would keep a CLI process alive for two minutes, then
 * report a timeout on the finished stream as an 'error' nobody listens to (a crash). Calling the callback pg
 * installed clears it; a late error is ignored, the data having been read or its failure thrown already.
 */
function settle(stream: NodeJS.ReadableStream): void {
  stream.on('error', () => undefined);
  (stream as unknown as { callback?: (error: Error | null) => void }).callback?.(null);
}

/**
 * Runs `COPY (select) TO … WITH (FORMAT binary)` inside the transaction `tx` and hands the data to `onChunk`
 * as it comes: from PostgreSQL a stream of chunks (nothing of the whole is held at once), from PGlite one blob.
 * `select` takes no parameters (COPY has none): inline only values you have checked.
 * Drizzle keeps the driver's client on the transaction's session (not in its types).
 */
export async function copyBinaryOut(
  tx: Queryable,
  kind: Store['kind'],
  select: string,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (kind === 'postgres') {
    const stream = (client as PoolClient).query(copyTo(`copy (${select}) to stdout with (format binary)`));
    try {
      for await (const chunk of stream) onChunk(chunk as Buffer);
    } finally {
      settle(stream);
    }
    return;
  }
  const result = await (client as Transaction).query(`copy (${select}) to '/dev/blob' with (format binary)`);
  if (!result.blob) throw new Error('PGlite returned no COPY data');
  onChunk(new Uint8Array(await result.blob.arrayBuffer()));
}
