import type { paths } from '../../api/schema';

/** Named inventory types, read from the generated OpenAPI types (see api/api-types.ts for the pattern). */
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer R } ? JsonBody<R[200 & keyof R]> | JsonBody<R[201 & keyof R]> : never;
type JsonInput<Operation> = Operation extends { requestBody?: infer Body } ? JsonBody<NonNullable<Body>> : never;

export type AssetPage = Ok<paths['/api/orgs/{org}/assets']['get']>;
export type Asset = AssetPage['items'][number];
export type AssetQuery = NonNullable<paths['/api/orgs/{org}/assets']['get']['parameters']['query']>;
export type AssetSort = NonNullable<AssetQuery['sort']>;
export type AssetKind = Asset['kind'];
export type AssetCategory = Asset['category'];
export type AssetStatus = Asset['status'];
export type AssetDetail = Ok<paths['/api/orgs/{org}/assets/{id}']['get']>;
export type DependencyLink = AssetDetail['dependsOn'][number];
export type DependencyType = DependencyLink['type'];
export type NodeRef = DependencyLink['node'];
export type CreateAssetInput = JsonInput<paths['/api/orgs/{org}/assets']['post']>;
export type UpdateAssetInput = JsonInput<paths['/api/orgs/{org}/assets/{id}']['patch']>;
export type CreateDependencyInput = JsonInput<paths['/api/orgs/{org}/dependencies']['post']>;

export type Scale = Ok<paths['/api/orgs/{org}/inventory/scale']['get']>;
export type ScaleLevel = Scale['levels'][number];

export type ExternalOrganization = Ok<paths['/api/orgs/{org}/external-organizations/{id}']['get']>;
export type RelationshipType = ExternalOrganization['relationshipTypes'][number];
export type Contact = ExternalOrganization['contacts'][number];
export type CreateExternalOrganizationInput = JsonInput<paths['/api/orgs/{org}/external-organizations']['post']>;
export type UpdateExternalOrganizationInput = JsonInput<paths['/api/orgs/{org}/external-organizations/{id}']['patch']>;

export type BlastRadius = Ok<paths['/api/orgs/{org}/assets/{id}/blast-radius']['get']>;
export type Upstream = Ok<paths['/api/orgs/{org}/assets/{id}/upstream']['get']>;
export type Protection = Ok<paths['/api/orgs/{org}/assets/{id}/protection']['get']>;
export type PropertyProtection = Protection['confidentiality'];
export type Concentration = Ok<paths['/api/orgs/{org}/inventory/concentration']['get']>;
export type ConcentrationEntry = Concentration['organizations'][number];
