import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDoorExit, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { toProblem } from '../../api/api-problem';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ScenarioFormModal } from './scenario-form-modal';
import type { Scenario } from './scenario-types';
import { useDeleteScenario, useUpdateScenario } from './use-scenarios';

interface ScenarioActionsProps {
  orgSlug: string;
  scenario: Scenario;
  onReload: () => Promise<Scenario | undefined>;
  onDeleted: () => void;
}

type Pending = 'close' | 'reopen' | 'delete' | null;

/** Edit what the scenario names; close it (kept for history) or reopen it; delete it. */
export function ScenarioActions({ orgSlug, scenario, onReload, onDeleted }: ScenarioActionsProps) {
  const [editRound, setEditRound] = useState(0);
  const [isEditing, setEditing] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const update = useUpdateScenario(orgSlug, scenario.id);
  const remove = useDeleteScenario(orgSlug, scenario.id);
  const isClosed = scenario.status === 'closed';
  const mutation = pending === 'delete' ? remove : update;
  const problem = mutation.error ? toProblem(mutation.error) : null;
  const cancel = (): void => {
    setPending(null);
    update.reset();
    remove.reset();
  };
  const confirm = (): void => {
    if (pending === 'delete') remove.mutate(scenario.version, { onSuccess: onDeleted });
    else update.mutate({ closed: pending === 'close', version: scenario.version }, { onSuccess: () => setPending(null) });
  };

  return (
    <>
      <Button
        leftSection={<IconEdit size={16} aria-hidden />}
        onClick={() => {
          setEditRound((n) => n + 1);
          setEditing(true);
        }}
      >
        Edit
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            More
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {isClosed ? (
            <Menu.Item leftSection={<IconRestore size={16} aria-hidden />} onClick={() => setPending('reopen')}>
              Reopen
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconDoorExit size={16} aria-hidden />} onClick={() => setPending('close')}>
              Close scenario
            </Menu.Item>
          )}
          <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setPending('delete')}>
            Delete
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={pending !== null}
        title={
          pending === 'delete'
            ? `Delete ${scenario.refId}?`
            : pending === 'close'
              ? `Close ${scenario.refId}?`
              : `Reopen ${scenario.refId}?`
        }
        confirmLabel={pending === 'delete' ? 'Delete' : pending === 'close' ? 'Close scenario' : 'Reopen'}
        isDestructive={pending === 'delete'}
        isPending={mutation.isPending}
        error={
          problem?.code === 'VERSION_CONFLICT'
            ? new Error('Someone changed the scenario meanwhile. Cancel, read the page again, and retry.')
            : mutation.error
        }
        onCancel={cancel}
        onConfirm={confirm}
      >
        {pending === 'delete'
          ? 'The scenario goes with its links, acceptances and history. The audit trail keeps the record. To keep it for history instead, close it.'
          : pending === 'close'
            ? 'A closed scenario is no longer relevant: it stays in the register, for history, and can be reopened.'
            : 'The scenario returns to the status its ratings and treatment give.'}
      </ConfirmDialog>
      <ScenarioFormModal
        key={editRound}
        orgSlug={orgSlug}
        opened={isEditing}
        onClose={() => setEditing(false)}
        scenario={scenario}
        onReload={onReload}
      />
    </>
  );
}
