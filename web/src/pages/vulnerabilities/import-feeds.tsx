import { Anchor } from '@mantine/core';
import { FileImportModal } from './file-import-modal';
import { useImportEpss, useImportKev } from './use-vulnerabilities';

const MB = 1024 * 1024;
const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** FIRST publishes the daily file gzipped; the browser unpacks it before sending. */
async function readCsv(file: File): Promise<string> {
  if (!file.name.toLowerCase().endsWith('.gz')) return file.text();
  return new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

export function ImportKevModal({ orgSlug, onClose }: { orgSlug: string; onClose: () => void }) {
  const importing = useImportKev(orgSlug);
  return (
    <FileImportModal
      title="Import KEV catalogue"
      intro={
        <>
          CISA&apos;s{' '}
          <Anchor href="https://www.cisa.gov/known-exploited-vulnerabilities-catalog" target="_blank" rel="noopener noreferrer" size="sm">
            Known Exploited Vulnerabilities catalogue
          </Anchor>{' '}
          (known_exploited_vulnerabilities.json). It replaces your copy; vulnerabilities it lists are marked known exploited.
        </>
      }
      accept=".json,application/json"
      maxBytes={16 * MB}
      send={async (file) => importing.mutateAsync(await file.text())}
      isPending={importing.isPending}
      error={importing.error}
      onReset={importing.reset}
      describe={(result) =>
        `Catalogue version ${result.catalogVersion}: ${plural(result.entries, 'entry', 'entries')}. ${plural(result.flagged, 'of your vulnerabilities is', 'of your vulnerabilities are')} known to be exploited.`
      }
      onClose={onClose}
    />
  );
}

export function ImportEpssModal({ orgSlug, onClose }: { orgSlug: string; onClose: () => void }) {
  const importing = useImportEpss(orgSlug);
  return (
    <FileImportModal
      title="Import EPSS CSV"
      intro={
        <>
          FIRST&apos;s daily{' '}
          <Anchor href="https://www.first.org/epss/data_stats" target="_blank" rel="noopener noreferrer" size="sm">
            EPSS scores
          </Anchor>{' '}
          (epss_scores-YYYY-MM-DD.csv, or the .csv.gz as downloaded). The scores of the vulnerabilities it lists are set.
        </>
      }
      accept=".csv,.gz,text/csv"
      maxBytes={32 * MB}
      send={async (file) => importing.mutateAsync(await readCsv(file))}
      isPending={importing.isPending}
      error={importing.error}
      onReset={importing.reset}
      describe={(result) =>
        `${plural(result.rows, 'score row', 'score rows')} read; ${plural(result.matched, 'of your vulnerabilities was', 'of your vulnerabilities were')} updated.`
      }
      onClose={onClose}
    />
  );
}
