import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiProblem, problemFromResponse } from '../../api/api-problem';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';

/** A 409 refusing a delete because risk scenarios still name the thing; `scenarios` are their references. */
export class NamedByScenariosProblem extends ApiProblem {
  readonly scenarios: readonly string[];

  constructor(problem: ApiProblem, scenarios: readonly string[]) {
    super(problem);
    this.scenarios = scenarios;
  }
}

const scenariosIn = (body: unknown): string[] => {
  const list = typeof body === 'object' && body !== null ? (body as { scenarios?: unknown }).scenarios : undefined;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
};

/**
 * Awaits a delete; a refusal that lists the scenarios naming the record (the problem's `scenarios` member,
 * which ApiProblem does not keep) throws a NamedByScenariosProblem, anything else a plain ApiProblem.
 */
export async function unwrapDelete(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (response.ok) return;
  const problem = problemFromResponse(response, error);
  const scenarios = scenariosIn(error);
  throw scenarios.length > 0 ? new NamedByScenariosProblem(problem, scenarios) : problem;
}

/** The scenarios that still name a record, each a link to the register searched for it. */
export function NamedByScenariosAlert({ orgSlug, problem, what }: { orgSlug: string; problem: NamedByScenariosProblem; what: string }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={`Risk scenarios still name this ${what}`} role="alert">
      <Text size="sm" mb={6}>
        Remove it from these scenarios first, or mark it deprecated instead:
      </Text>
      <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {problem.scenarios.map((ref) => (
          <li key={ref}>
            <Anchor {...linkProps(orgPath(orgSlug, `risk/scenarios?q=${encodeURIComponent(ref)}`))} size="sm" fw={600}>
              {ref}
            </Anchor>
          </li>
        ))}
      </Group>
    </Alert>
  );
}
