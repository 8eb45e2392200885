import { createContext, useContext, type ReactNode } from 'react';
import type { Organization, SessionUser } from '../api/api-types';

interface CurrentOrg {
  org: Organization;
  user: SessionUser;
}

const CurrentOrgContext = createContext<CurrentOrg | null>(null);

export function CurrentOrgProvider({ org, user, children }: CurrentOrg & { children: ReactNode }) {
  return <CurrentOrgContext value={{ org, user }}>{children}</CurrentOrgContext>;
}

/** The organization in the URL (`/o/:org/…`), the signed-in user and their role there. */
export function useCurrentOrg(): CurrentOrg {
  const current = useContext(CurrentOrgContext);
  if (!current) throw new Error('useCurrentOrg is used outside an organization page');
  return current;
}
