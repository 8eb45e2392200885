import type { paths } from '../../api/schema';

/** Named threat types, read from the generated OpenAPI types (see api/api-types.ts for the pattern). */
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer R } ? JsonBody<R[200 & keyof R]> | JsonBody<R[201 & keyof R]> : never;
type JsonInput<Operation> = Operation extends { requestBody?: infer Body } ? JsonBody<NonNullable<Body>> : never;

export type ThreatList = Ok<paths['/api/orgs/{org}/threats']['get']>;
export type Threat = ThreatList['items'][number];
export type ThreatKind = Threat['kind'];
export type RiskSourceCategory = NonNullable<Threat['category']>;
export type ThreatQuery = NonNullable<paths['/api/orgs/{org}/threats']['get']['parameters']['query']>;
export type ThreatRelation = Ok<paths['/api/orgs/{org}/threats/{threatId}/relations']['get']>['items'][number];
export type RelationType = ThreatRelation['type'];
export type CreateThreatInput = JsonInput<paths['/api/orgs/{org}/threats']['post']>;
export type UpdateThreatInput = JsonInput<paths['/api/orgs/{org}/threats/{threatId}']['patch']>;
export type ManualKind = CreateThreatInput['kind'];
export type AttackImportSummary = Ok<paths['/api/orgs/{org}/threats/imports/attack']['post']>;
