import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { exportCsv, exportJson } from '../inventory/imports/inventory-export.ts';
import {
  IMPORT_ENTITIES,
  IMPORT_FORMATS,
  type ImportEntity,
  type ImportFormat,
  type ImportIssue,
} from '../inventory/imports/import-types.ts';
import { MAX_IMPORT_BYTES } from '../inventory/imports/import.schema.ts';
import { previewImport, runImport } from '../inventory/imports/import.service.ts';
import { SYSTEM_ACTOR, type OrgAccess } from '../platform/context.ts';
import { AppError } from '../platform/errors/catalogue.ts';
import { CliError, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findOrgBySlug } from './org-lookup.ts';

type ImportFlags = StoreFlags & {
  org: string;
  format: ImportFormat;
  entity?: ImportEntity;
  map: string[];
  dryRun?: boolean;
  skipInvalid?: boolean;
};

/** "Header=field" → mapping entry (the header may itself hold "="; the last one splits). */
function mappingOf(entries: readonly string[]): Record<string, string> | undefined {
  if (entries.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0) throw new CliError(`--map "${entry}": expected "Column header=field"`);
    mapping[entry.slice(0, at)] = entry.slice(at + 1).trim();
  }
  return mapping;
}

const printIssues = (issues: readonly ImportIssue[]): void => {
  for (const issue of issues) process.stderr.write(`${issue.line !== null ? `line ${issue.line}: ` : ''}${issue.path}: ${issue.message}\n`);
};

const importCommand = withStoreOptions(new Command('import'))
  .description('Import assets, dependencies or external organizations from a file, in one transaction (the same checks as the API)')
  .argument('<file>', 'the file (CSV, Bulwark JSON or a CycloneDX JSON SBOM), UTF-8')
  .requiredOption('--org <slug>', 'organization')
  .addOption(new Option('--format <format>', 'file format').choices([...IMPORT_FORMATS]).makeOptionMandatory())
  .addOption(new Option('--entity <entity>', 'CSV only: what the rows are (default assets)').choices([...IMPORT_ENTITIES]))
  .option(
    '--map <Header=field>',
    'CSV only: map a column to a field (repeatable; "Header=" ignores it)',
    (value: string, all: string[]) => [...all, value],
    [],
  )
  .option('--dry-run', 'only report what the import would do')
  .option('--skip-invalid', 'import the valid records and skip the invalid ones')
  .action(async (file: string, flags: ImportFlags) => {
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch (error) {
      throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
    }
    if (content.byteLength > MAX_IMPORT_BYTES) throw new CliError(`${file} has ${content.byteLength} bytes; imports take at most 20 MiB`);
    if (flags.format !== 'csv' && (flags.entity || flags.map.length > 0))
      throw new CliError('--entity and --map apply to --format csv only');
    const request = { format: flags.format, entity: flags.entity, mapping: mappingOf(flags.map) };
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const access: OrgAccess = { orgId: org.id, orgSlug: org.slug, role: 'owner', actor: SYSTEM_ACTOR, userId: null, requestId: null };
      if (flags.dryRun) {
        const preview = await previewImport(store, access, {
          ...request,
          content: content.toString('base64'),
          contentEncoding: 'base64',
          dryRun: true,
          skipInvalid: false,
        });
        printIssues(preview.errors);
        process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
        if (preview.invalid > 0) process.exitCode = 1;
        return;
      }
      try {
        const result = await runImport(
          store,
          access,
          { ...request, content },
          {
            skipInvalid: flags.skipInvalid ?? false,
            progress: async (done, total) => void process.stderr.write(`imported ${done} of ${total} records\n`),
          },
        );
        printIssues(result.skipped);
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } catch (error) {
        if (error instanceof AppError && error.code === 'IMPORT_INVALID') {
          for (const issue of error.errors ?? [])
            process.stderr.write(`${issue.path.replace(/^content\.line\.(\d+)\./, 'line $1: ')}: ${issue.message}\n`);
          throw new CliError(`${error.message.replace('set skipInvalid', 'pass --skip-invalid')}`);
        }
        throw error;
      }
    });
  });

const exportCommand = withStoreOptions(new Command('export'))
  .description('Export the inventory: CSV of one entity (the import’s columns) or Bulwark JSON (everything)')
  .requiredOption('--org <slug>', 'organization')
  .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).makeOptionMandatory())
  .addOption(new Option('--entity <entity>', 'CSV only: which entity').choices([...IMPORT_ENTITIES]).default('assets'))
  .option('--out <file>', 'write here instead of stdout')
  .action(async (flags: StoreFlags & { org: string; format: 'csv' | 'json'; entity: ImportEntity; out?: string }) => {
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const chunks = flags.format === 'csv' ? exportCsv(store, org.id, flags.entity) : exportJson(store, org.id);
      const out = flags.out ? fs.createWriteStream(flags.out) : process.stdout;
      await pipeline(Readable.from(chunks), out, { end: !!flags.out });
    });
  });

export const inventoryCommand = new Command('inventory')
  .description('Import and export the cyberspace inventory')
  .addCommand(importCommand)
  .addCommand(exportCommand);
