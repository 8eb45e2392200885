import { useEffect } from 'react';
import { navigate } from './router';

/** Replaces the current URL with `to` once rendered (no history entry for the URL left behind). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
