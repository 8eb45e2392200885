import { Button, Paper, Skeleton, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { AddMemberModal } from './add-member-modal';
import { MembersTable } from './members-table';
import { useMembers } from './use-members';

/** Who belongs to the organization and in which role; owners and administrators manage it. */
export function MembersPage() {
  const { org, user } = useCurrentOrg();
  const members = useMembers(org.slug);
  const canManage = can(org.role, 'members:manage');
  const [isAdding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  // A new dialog instance per opening: a one-time password can never reappear, even if reopened mid-fade.
  const [addingRound, setAddingRound] = useState(0);
  const startAdding = (): void => {
    setAddingRound((round) => round + 1);
    openAdd();
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Members"
        description={canManage ? 'People in this organization and their roles. Changing a role or removing a member revokes their API tokens here.' : 'People in this organization and their roles.'}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={startAdding}>
              Add member
            </Button>
          )
        }
      />
      <ProblemAlert error={members.error} title="Could not load the members" />
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        {members.isPending && <Skeleton height={240} />}
        {members.data && <MembersTable orgSlug={org.slug} members={members.data.items} myUserId={user.id} myRole={org.role} canManage={canManage} />}
      </Paper>
      {canManage && <AddMemberModal key={addingRound} orgSlug={org.slug} myRole={org.role} opened={isAdding} onClose={closeAdd} />}
    </Stack>
  );
}
