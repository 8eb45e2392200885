import { Table, Text } from '@mantine/core';
import { formatDate } from '../../lib/format';
import type { Acceptance } from './scenario-types';

/** Earlier acceptances of the scenario, newest first: withdrawn, expired or superseded. */
export function PastAcceptances({ acceptances }: { acceptances: readonly Acceptance[] }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        Earlier acceptances
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={4} horizontalSpacing="sm" aria-label="Earlier acceptances">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Level</Table.Th>
              <Table.Th>Accepted by</Table.Th>
              <Table.Th>On</Table.Th>
              <Table.Th>Valid through</Table.Th>
              <Table.Th>Ended</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {acceptances.map((acceptance) => (
              <Table.Tr key={acceptance.id}>
                <Table.Td>{acceptance.levelName}</Table.Td>
                <Table.Td>{acceptance.acceptedBy.label}</Table.Td>
                <Table.Td>{formatDate(acceptance.acceptedAt)}</Table.Td>
                <Table.Td>
                  <Text span size="sm" c={acceptance.expired ? 'red.8' : undefined}>
                    {acceptance.expiresOn}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {acceptance.withdrawnAt
                    ? `Withdrawn ${formatDate(acceptance.withdrawnAt)}${acceptance.withdrawnBy ? ` by ${acceptance.withdrawnBy}` : ''}`
                    : acceptance.expired
                      ? 'Expired'
                      : 'Superseded'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
