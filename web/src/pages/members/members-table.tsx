import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Member, Role } from '../../api/api-types';
import { RoleBadge } from '../../components/role-badge';
import { formatDate } from '../../lib/format';
import { MemberRoleSelect } from './member-role-select';
import { RemoveMemberButton } from './remove-member-button';

interface MembersTableProps {
  orgSlug: string;
  members: readonly Member[];
  myUserId: string;
  myRole: Role;
  canManage: boolean;
}

export function MembersTable({ orgSlug, members, myUserId, myRole, canManage }: MembersTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th w={210}>Role</Table.Th>
            <Table.Th w={120}>Joined</Table.Th>
            {canManage && (
              <Table.Th w={110}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const isMe = member.userId === myUserId;
            return (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {member.name}
                    </Text>
                    {isMe && (
                      <Badge size="xs" variant="outline" color="gray" tt="none">
                        you
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>{canManage && !isMe ? <MemberRoleSelect orgSlug={orgSlug} member={member} myRole={myRole} /> : <RoleBadge role={member.role} />}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" fz="xs">
                    {formatDate(member.joinedAt)}
                  </Text>
                </Table.Td>
                {canManage && <Table.Td>{!isMe && <RemoveMemberButton orgSlug={orgSlug} member={member} />}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
