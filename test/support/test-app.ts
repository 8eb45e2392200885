import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { SYSTEM_ACTOR, type OrgAccess } from '../../src/platform/context.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import { createToken } from '../../src/platform/auth/tokens.service.ts';
import { addMember } from '../../src/platform/orgs/members.service.ts';
import { createOrganization } from '../../src/platform/orgs/orgs.service.ts';
import { createUser } from '../../src/platform/orgs/users.service.ts';
import { newId } from '../../src/platform/util/ids.ts';
import { createTestStore, type TestStore } from './test-store.ts';
import type { Store } from '../../src/platform/db/store.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), seedDemo: false, signInPerMinute: 1000, webDir: '/nonexistent', ...overrides };
}

export interface TestContext extends TestStore {
  app: FastifyInstance;
  config: Config;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const testStore = await createTestStore();
  const config = testConfig(overrides);
  const app = await buildApp(testStore.store, config);
  await app.ready();
  return {
    ...testStore,
    app,
    config,
    async dispose() {
      await app.close();
      await testStore.dispose();
    },
  };
}

export interface OrgFixture {
  orgId: string;
  slug: string;
  owner: { id: string; email: string };
  /** Owner-level access, for calling services directly in a test. */
  access: OrgAccess;
}

/** An organization with an owner (password TEST_PASSWORD). Slug and emails are unique per call. */
export async function buildOrg(store: Store, overrides: { slug?: string; name?: string } = {}): Promise<OrgFixture> {
  const suffix = newId().slice(-8);
  const slug = overrides.slug ?? `org-${suffix}`;
  const owner = await createUser(store, SYSTEM_ACTOR, { email: `owner-${suffix}@example.test`, name: 'Olive Owner', password: TEST_PASSWORD });
  const org = await createOrganization(store, SYSTEM_ACTOR, { slug, name: overrides.name ?? `Org ${suffix}`, ownerUserId: owner.id });
  return {
    orgId: org.id,
    slug,
    owner: { id: owner.id, email: owner.email },
    access: { orgId: org.id, orgSlug: slug, role: 'owner', actor: SYSTEM_ACTOR, userId: owner.id, requestId: null },
  };
}

/** Adds a member with `role` and returns an API token secret for them with the same role. */
export async function memberToken(store: Store, org: OrgFixture, role: Role): Promise<{ userId: string; email: string; token: string }> {
  const email = `${role}-${newId().slice(-8)}@example.test`;
  const { member } = await addMember(store, org.access, { email, name: `${role} person`, role });
  const { secret } = await createToken(store, org.access, { name: `${role} token`, role, userId: member.userId });
  return { userId: member.userId, email, token: secret };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export interface BrowserSession {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export async function signInAs(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<BrowserSession> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'bulwark_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `bulwark_session=${cookie.value}`;
  return { cookie: cookieHeader, csrfToken, headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken } };
}

/** The problem document of a response, asserting it is problem+json. */
export function problem(response: LightMyRequestResponse): { code: string; status: number; detail: string; errors?: { path: string; message: string }[] } {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${String(response.headers['content-type'])}: ${response.body}`);
  }
  return response.json();
}
