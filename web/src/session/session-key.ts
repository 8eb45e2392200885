/** The TanStack Query key of the signed-in session; `null` data means signed out. */
export const SESSION_KEY = ['session'] as const;
