import { createHash } from 'node:crypto';
import { z } from 'zod';
import { describeFault, verifyChain, type ChainedEntry } from '../audit/audit.chain.ts';
import { unprocessable } from '../errors/catalogue.ts';
import { INSTANCE_ORG_SLUG } from '../orgs/orgs.service.ts';
import { decodeLine, headerProblem, type TExportHeader, type TTrailer } from './export-format.ts';
import { readLines } from './line-reader.ts';

export type ExportInput = AsyncIterable<Buffer | string>;

const ZOrgRow = z.object({ id: z.uuid(), slug: z.string(), audit_seq: z.number().int().nonnegative(), audit_head: z.string() });
const ZAuditRow = z.object({
  org_id: z.string(),
  seq: z.number().int(),
  id: z.string(),
  occurred_at: z.string(),
  actor_type: z.string(),
  actor_id: z.string().nullable(),
  actor_label: z.string(),
  action: z.string(),
  target_type: z.string(),
  target_id: z.string(),
  before_digest: z.string().nullable(),
  after_digest: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  request_id: z.string().nullable(),
  prev_hash: z.string(),
  hash: z.string(),
});

export interface CheckedExport {
  header: TExportHeader;
  /** Checksum of the row lines, as read: the import compares its second read against it. */
  sha256: string;
}

const refuse = (reason: string): never => {
  throw unprocessable(`The export file was refused: ${reason}`);
};

function parseRow(rowJson: string, lineNo: number): Record<string, unknown> {
  try {
    return JSON.parse(rowJson) as Record<string, unknown>;
  } catch {
    return refuse(`line ${lineNo} is not valid JSON (the file is corrupted)`);
  }
}

function toChained(row: Record<string, unknown>, lineNo: number): ChainedEntry & { hash: string } {
  const parsed = ZAuditRow.safeParse(row);
  if (!parsed.success) return refuse(`line ${lineNo} is not an audit entry`);
  const r = parsed.data;
  return {
    orgId: r.org_id,
    seq: r.seq,
    id: r.id,
    occurredAt: new Date(r.occurred_at),
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    beforeDigest: r.before_digest,
    afterDigest: r.after_digest,
    summary: r.summary,
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Reads a whole export without touching any store and refuses it, with the reason, unless: the header is a
 * known format, version and schema migration; the sections come in insert order, each tenant row belongs to
 * the exported organization; the last line is there and its checksum and counts match; and the audit chain
 * verifies against the organization's head (audit_seq, audit_head). `sections` is the expected section order.
 */
export async function checkExport(input: ExportInput, sections: readonly string[], expectedMigration: string): Promise<CheckedExport> {
  const lines = readLines(input);
  try {
    return await checkLines(lines, sections, expectedMigration);
  } finally {
    // A refusal before the end must still close the file.
    await lines.return(undefined);
  }
}

async function checkLines(lines: AsyncGenerator<{ line: string; lineNo: number }>, sections: readonly string[], expectedMigration: string): Promise<CheckedExport> {
  const first = await lines.next();
  if (first.done) return refuse('it is empty');
  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(first.value.line);
  } catch {
    rawHeader = undefined;
  }
  const problem = headerProblem(rawHeader, expectedMigration);
  if (problem) return refuse(problem);
  const header = rawHeader as TExportHeader;
  if (header.org.slug === INSTANCE_ORG_SLUG) return refuse(`the ${INSTANCE_ORG_SLUG} organization cannot be imported`);

  const hash = createHash('sha256');
  const counts: Record<string, number> = Object.fromEntries(sections.map((s) => [s, 0]));
  let sectionIndex = 0;
  let trailer: TTrailer | undefined;

  /** Checks a row line's place in the file, counts and hashes it, and returns the parsed row. */
  function takeRow(line: string, lineNo: number): { table: string; row: Record<string, unknown> } {
    if (trailer) return refuse(`line ${lineNo} follows the last line`);
    const decoded = decodeLine(line);
    if (!decoded) return refuse(`line ${lineNo} is not a valid export line (the file is truncated or corrupted)`);
    if (decoded.kind === 'end') {
      trailer = decoded.trailer;
      return { table: '', row: {} };
    }
    const index = sections.indexOf(decoded.table, sectionIndex);
    if (index < 0 || (decoded.table === 'organizations' && lineNo !== 2)) return refuse(`line ${lineNo} holds a row of ${decoded.table}, which is unknown or out of order`);
    sectionIndex = index;
    hash.update(`${line}\n`);
    counts[decoded.table]! += 1;
    const row = parseRow(decoded.rowJson, lineNo);
    if (!['organizations', 'users'].includes(decoded.table) && row.org_id !== header.org.id) {
      return refuse(`line ${lineNo} holds a ${decoded.table} row of another organization`);
    }
    return { table: decoded.table, row };
  }

  // The organization row comes first: its audit_seq and audit_head are the head the chain must end at.
  const second = await lines.next();
  const orgRow = second.done ? undefined : ZOrgRow.safeParse(takeRow(second.value.line, second.value.lineNo).row);
  if (!orgRow?.success || orgRow.data.id !== header.org.id || orgRow.data.slug !== header.org.slug) {
    return refuse('its second line is not the organization named in its header');
  }
  const org = orgRow.data;

  async function* auditEntries(): AsyncGenerator<ChainedEntry & { hash: string }> {
    for await (const { line, lineNo } of lines) {
      const { table, row } = takeRow(line, lineNo);
      if (table === 'audit_entries') yield toChained(row, lineNo);
    }
  }

  const entries = auditEntries();
  // verifyChain stops at the first fault; an iterator without return() keeps the generator open so the rest
  // of the file is still read and its checksum can say whether the file was damaged or deliberately edited.
  const chain = await verifyChain({ [Symbol.asyncIterator]: () => ({ next: () => entries.next() }) }, { seq: org.audit_seq, hash: org.audit_head });
  for await (const _ of entries) {
    // Drained for the checks and the checksum alone.
  }
  const sha256 = hash.digest('hex');
  if (!trailer) return refuse('its last line is missing (the file is truncated)');
  if (trailer.sha256 !== sha256) return refuse('its checksum does not match its content (the file is corrupted)');
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const countsMatch = trailer.rows === rows && sections.every((s) => header.counts[s] === counts[s]);
  if (!countsMatch) return refuse('its row counts do not match its header');
  if (!chain.ok) return refuse(`its audit chain does not verify (the file was edited): ${describeFault(chain.fault)}`);
  return { header, sha256 };
}
