import type { paths } from './schema';

/** The JSON body of an operation's 200/201 response, read from the generated OpenAPI types. */
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer R } ? JsonBody<R[200 & keyof R]> | JsonBody<R[201 & keyof R]> : never;

export type SessionView = Ok<paths['/api/auth/session']['get']>;
export type SessionUser = SessionView['user'];
export type Organization = SessionView['organizations'][number];
export type Role = Organization['role'];
export type OrganizationSummary = Ok<paths['/api/orgs/{org}']['get']>;
export type AuditPage = Ok<paths['/api/orgs/{org}/audit']['get']>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = NonNullable<paths['/api/orgs/{org}/audit']['get']['parameters']['query']>;
export type ChainVerification = Ok<paths['/api/orgs/{org}/audit/verify']['get']>;
export type Member = Ok<paths['/api/orgs/{org}/members']['get']>['items'][number];
export type AddMemberInput = NonNullable<paths['/api/orgs/{org}/members']['post']['requestBody']>['content']['application/json'];
export type AddMemberResult = Ok<paths['/api/orgs/{org}/members']['post']>;
export type ApiToken = Ok<paths['/api/orgs/{org}/tokens']['get']>['items'][number];
export type CreateTokenInput = NonNullable<paths['/api/orgs/{org}/tokens']['post']['requestBody']>['content']['application/json'];
export type CreatedToken = Ok<paths['/api/orgs/{org}/tokens']['post']>;
