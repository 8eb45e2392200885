import { Alert } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { ChainVerification } from '../../api/api-types';

const number = new Intl.NumberFormat('en');

/** The outcome of recomputing the hash chain: intact (green) or the first bad entry (red). */
export function ChainVerificationAlert({ result, onClose }: { result: ChainVerification; onClose: () => void }) {
  if (result.ok) {
    return (
      <Alert color="green" variant="light" icon={<IconShieldCheck aria-hidden />} title="The audit chain is intact" role="status" withCloseButton onClose={onClose} closeButtonLabel="Dismiss">
        All {number.format(result.entries)} entries were recomputed and every hash matches. No entry was changed, removed or
        reordered.
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconShieldX aria-hidden />} title="The audit chain is broken" role="alert" withCloseButton onClose={onClose} closeButtonLabel="Dismiss">
      {result.fault ?? 'An entry does not match its hash.'}
      {result.firstBadEntryId && (
        <>
          {' '}
          First bad entry: <span className="mono">{result.firstBadEntryId}</span>.
        </>
      )}{' '}
      Checked {number.format(result.entries)} entries.
    </Alert>
  );
}
