/** The URL of a page inside an organization: `orgPath('demo', 'audit')` → `/o/demo/audit`. */
export function orgPath(orgSlug: string, path = ''): string {
  const base = `/o/${encodeURIComponent(orgSlug)}`;
  return path ? `${base}/${path}` : base;
}
