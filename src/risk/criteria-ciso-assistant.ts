import { parse, stringify } from 'yaml';
import { z } from 'zod';
import type { TCriteriaDefinition, TCriteriaInput } from './criteria.definition.ts';

/*
 * CISO Assistant keeps risk matrices in library YAML files: `objects.risk_matrix[]`, each with `probability`,
 * `impact` and `risk` level lists and a `grid` where grid[probability][impact] is the index of a risk level.
 * Importing one gives Bulwark criteria with the same scales and matrix; exporting writes a library the other
 * tool loads. Its format has no acceptance rules, so an import proposes them (`ASSUMED_ACCEPTANCE`) and says so.
 */

const ZLevel = z.object({
  name: z.string().trim().min(1),
  description: z.string().nullish(),
  hexcolor: z.string().nullish(),
});

const ZMatrix = z.object({
  urn: z.string().nullish(),
  ref_id: z.string().nullish(),
  name: z.string().trim().min(1),
  description: z.string().nullish(),
  probability: z.array(ZLevel).min(1),
  impact: z.array(ZLevel).min(1),
  risk: z.array(ZLevel).min(1),
  grid: z.array(z.array(z.number().int())),
});

const ZLibrary = z.object({
  urn: z.string().nullish(),
  version: z.union([z.number(), z.string()]).nullish(),
  objects: z.object({ risk_matrix: z.array(ZMatrix).min(1) }),
});

export interface ImportedMatrix {
  /** The matrix's URN (or the library's with its ref_id), to recognise a re-import. */
  sourceId: string | null;
  definition: TCriteriaInput;
}

export class LibraryFormatError extends Error {
  constructor(
    message: string,
    readonly errors: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** The rules an import proposes, lowest level first: its owner, then a risk manager, and nobody at the top. */
export const ASSUMED_ACCEPTANCE =
  'lowest level: the risk owner (730 days); middle levels: a risk manager (365 days); highest level: nobody';

function assumedAcceptance(levels: number): TCriteriaInput['acceptance'] {
  return Array.from({ length: levels }, (_, i) =>
    i === 0
      ? { by: 'risk-owner' as const, maxDays: 730 }
      : i === levels - 1
        ? { by: 'nobody' as const }
        : { by: 'role' as const, role: 'risk-manager' as const, maxDays: 365 },
  );
}

const colourOf = (hex: string | null | undefined): string => (hex && /^#[0-9a-fA-F]{6}$/.test(hex) ? hex.toUpperCase() : '#868E96');
const textOf = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/** Reads a CISO Assistant library; every risk matrix in it becomes one criteria definition (not yet checked). */
export function readCisoAssistantLibrary(content: string): ImportedMatrix[] {
  let document: unknown;
  try {
    document = parse(content);
  } catch (error) {
    throw new LibraryFormatError('The file is not valid YAML', [{ path: 'content', message: (error as Error).message.split('\n')[0]! }]);
  }
  const parsed = ZLibrary.safeParse(document);
  if (!parsed.success) {
    throw new LibraryFormatError(
      'The file is not a CISO Assistant library with a risk matrix',
      parsed.error.issues.map((issue) => ({ path: ['content', ...issue.path].join('.'), message: issue.message })),
    );
  }
  return parsed.data.objects.risk_matrix.map((matrix) => ({
    sourceId: matrix.urn ?? (parsed.data.urn && matrix.ref_id ? `${parsed.data.urn}#${matrix.ref_id}` : null),
    definition: {
      name: matrix.name.slice(0, 100),
      description: textOf(matrix.description),
      likelihood: matrix.probability.map((level) => ({ name: level.name, description: textOf(level.description) })),
      consequence: matrix.impact.map((level) => ({ name: level.name, description: textOf(level.description) })),
      levels: matrix.risk.map((level) => ({ name: level.name, description: textOf(level.description), colour: colourOf(level.hexcolor) })),
      matrix: matrix.grid,
      acceptance: assumedAcceptance(matrix.risk.length),
    },
  }));
}

const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'matrix';

/** An abbreviation per level: the leading digits or initials of its name, made unique by position. */
function abbreviations(names: string[]): string[] {
  const initials = names.map((name) =>
    name
      .split(/\s+/)
      .map((word) => word[0] ?? '')
      .join('')
      .toUpperCase()
      .slice(0, 3),
  );
  return initials.map((value, i) => (initials.indexOf(value) === i && value ? value : String(i + 1)));
}

/** Writes criteria as a CISO Assistant library holding one risk matrix. */
export function writeCisoAssistantLibrary(definition: TCriteriaDefinition, meta: { version: number; publishedOn: string }): string {
  const slug = slugOf(definition.name);
  const levelList = (levels: { name: string; description: string | null; colour?: string }[]) => {
    const short = abbreviations(levels.map((level) => level.name));
    return levels.map((level, id) => ({
      id,
      abbreviation: short[id],
      name: level.name,
      ...(level.description ? { description: level.description } : {}),
      ...(level.colour ? { hexcolor: level.colour } : {}),
    }));
  };
  const library = {
    urn: `urn:bulwark:risk:library:${slug}`,
    locale: 'en',
    ref_id: slug,
    name: definition.name,
    description: definition.description ?? definition.name,
    version: meta.version,
    publication_date: meta.publishedOn,
    provider: 'Bulwark',
    packager: 'Bulwark',
    objects: {
      risk_matrix: [
        {
          urn: `urn:bulwark:risk:matrix:${slug}`,
          ref_id: slug,
          name: definition.name,
          description: definition.description ?? definition.name,
          probability: levelList(definition.likelihood),
          impact: levelList(definition.consequence),
          risk: levelList(definition.levels),
          grid: definition.matrix,
        },
      ],
    },
  };
  return stringify(library, { lineWidth: 0 });
}
