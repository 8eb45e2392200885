import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bearer } from '../support/test-app.ts';
import { createStoreTarget, STORE_UNDER_TEST } from '../support/scratch-db.ts';
import {
  PROCESS_TIMEOUT_MS,
  runCli,
  startServer,
  storeArgs,
  useSeededSuite,
  type SeededOrg,
  type StoreTarget,
} from '../support/server-process.ts';

/**
 * kill -9 in the middle of a stream of writes: every write the server acknowledged (2xx) must be there after a
 * restart, and the audit hash chain must still verify. The embedded store runs PGlite without fsync; this is
 * the proof that this is safe against process death (the pages are in the OS cache when the response leaves).
 */

/** Parallel writers: enough to have transactions open and queued when the kill lands. */
const WRITERS = 4;
/** Acknowledged writes before the kill; the writers keep going until the connection dies under them. */
const ACKED_BEFORE_KILL = 40;

interface Acked {
  id: string;
  name: string;
}

interface StreamResult {
  acked: Acked[];
  /** Writes sent whose outcome the client never learnt (connection died): they may or may not have committed. */
  unknown: string[];
}

/** Writers POST tokens until a request fails at the network level; `onAck` sees the running count. */
async function writeUntilDeath(baseUrl: string, org: SeededOrg, onAck: (count: number) => void): Promise<StreamResult> {
  const acked: Acked[] = [];
  const unknown: string[] = [];
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; ; i++) {
      const name = `crash-w${w}-${i}`;
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/orgs/${org.slug}/tokens`, {
          method: 'POST',
          headers: { ...bearer(org.token), 'content-type': 'application/json' },
          body: JSON.stringify({ name, role: 'viewer' }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch {
        unknown.push(name);
        return;
      }
      if (response.status !== 201) throw new Error(`write ${name} answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { token: { id: string; name: string } };
      acked.push({ id: body.token.id, name: body.token.name });
      onAck(acked.length);
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  return { acked, unknown };
}

function crashScenario(makeTarget: () => Promise<{ target: StoreTarget; cleanup: () => Promise<void> }>): void {
  const suite = useSeededSuite(makeTarget);

  it(
    'keeps every acknowledged write and a valid audit chain across a SIGKILL',
    async () => {
      const { target, org, servers } = suite;
      const first = await startServer(target);
      servers.push(first);

      let killed = false;
      const stream = writeUntilDeath(first.baseUrl, org, (count) => {
        if (count >= ACKED_BEFORE_KILL && !killed) {
          killed = true;
          process.kill(first.pid, 'SIGKILL');
        }
      });
      const { acked, unknown } = await stream;
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(acked.length).toBeGreaterThanOrEqual(ACKED_BEFORE_KILL);
      // Every writer stopped because the server died under it, none for another reason.
      expect(unknown).toHaveLength(WRITERS);

      const lockFile = 'dataDir' in target ? path.join(target.dataDir, 'bulwark.lock') : undefined;
      if (lockFile) expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(first.pid));

      const second = await startServer(target);
      servers.push(second);
      // The restart took over the lock the killed process left behind.
      if (lockFile) expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(second.pid));

      const listed = await fetch(`${second.baseUrl}/api/orgs/${org.slug}/tokens`, { headers: bearer(org.token) });
      expect(listed.status).toBe(200);
      const present = new Map(((await listed.json()) as { items: Acked[] }).items.map((t) => [t.id, t.name]));
      const missing = acked.filter((a) => present.get(a.id) !== a.name);
      expect(missing, `${missing.length} of ${acked.length} acknowledged writes lost`).toEqual([]);
      // Nothing appears that was never sent (the seeded token plus acknowledged plus at most the in-flight ones).
      expect(present.size).toBeLessThanOrEqual(1 + acked.length + unknown.length);

      const verify = await fetch(`${second.baseUrl}/api/orgs/${org.slug}/audit/verify`, { headers: bearer(org.token) });
      expect(verify.status).toBe(200);
      const chain = (await verify.json()) as { ok: boolean; entries: number; fault: string | null };
      expect(chain.fault).toBeNull();
      expect(chain.ok).toBe(true);
      // One token.created entry per token in the store, besides the organization's own setup entries.
      expect(chain.entries).toBeGreaterThanOrEqual(present.size);

      // The chain's head is consistent with its entries: the store takes new audited writes after recovery.
      const after = await fetch(`${second.baseUrl}/api/orgs/${org.slug}/tokens`, {
        method: 'POST',
        headers: { ...bearer(org.token), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'after-restart', role: 'viewer' }),
      });
      expect(after.status).toBe(201);
      const reverify = (await (
        await fetch(`${second.baseUrl}/api/orgs/${org.slug}/audit/verify`, { headers: bearer(org.token) })
      ).json()) as {
        ok: boolean;
        entries: number;
      };
      expect(reverify).toMatchObject({ ok: true, entries: chain.entries + 1 });

      // The offline verifier agrees, after a second kill -9 (the CLI needs the data directory to itself).
      await second.dispose();
      const cli = await runCli(['audit', 'verify', '--org', org.slug, ...storeArgs(target)]);
      expect(cli.code, cli.stderr).toBe(0);
      expect(cli.stdout).toContain(`${org.slug}: ok, ${reverify.entries} entries`);
    },
    PROCESS_TIMEOUT_MS,
  );
}

describe(`kill -9 during writes, ${STORE_UNDER_TEST}`, () => {
  crashScenario(() => createStoreTarget('bulwark-crash-'));
});
