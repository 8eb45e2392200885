import type { paths } from '../../api/schema';

/** Named risk-scenario types, read from the generated OpenAPI types (see api/api-types.ts for the pattern). */
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer R } ? JsonBody<R[200 & keyof R]> | JsonBody<R[201 & keyof R]> : never;
type JsonInput<Operation> = Operation extends { requestBody?: infer Body } ? JsonBody<NonNullable<Body>> : never;

export type RegisterPage = Ok<paths['/api/orgs/{org}/scenarios']['get']>;
export type RegisterItem = RegisterPage['items'][number];
export type RegisterQuery = NonNullable<paths['/api/orgs/{org}/scenarios']['get']['parameters']['query']>;
export type RegisterSort = NonNullable<RegisterQuery['sort']>;
export type RatingView = NonNullable<RegisterItem['ratings']['current']>;

export type HeatMap = Ok<paths['/api/orgs/{org}/scenarios/heat-map']['get']>;
export type HeatMapRating = HeatMap['rating'];
export type HeatMapQuery = NonNullable<paths['/api/orgs/{org}/scenarios/heat-map']['get']['parameters']['query']>;

export type Scenario = Ok<paths['/api/orgs/{org}/scenarios/{scenarioId}']['get']>;
export type ScenarioStatus = Scenario['status'];
export type Approach = Scenario['approach'];
export type Evaluation = NonNullable<Scenario['evaluation']>;
export type StrengthOfKnowledge = NonNullable<Scenario['strengthOfKnowledge']>;
export type Rating = NonNullable<Scenario['current']>;
export type ControlRef = Scenario['existingControls'][number];
export type Treatment = NonNullable<Scenario['treatment']>;
export type TreatmentOption = Treatment['option'];
export type Acceptance = NonNullable<Scenario['acceptance']>;
export type Suggestion = Scenario['suggestion'];
export type AssetSuggestion = Ok<paths['/api/orgs/{org}/assets/{assetId}/risk-suggestion']['get']>;
export type HistoryEntry = Ok<paths['/api/orgs/{org}/scenarios/{scenarioId}/history']['get']>['items'][number];

export type CreateScenarioInput = JsonInput<paths['/api/orgs/{org}/scenarios']['post']>;
export type UpdateScenarioInput = JsonInput<paths['/api/orgs/{org}/scenarios/{scenarioId}']['patch']>;
export type AssessmentInput = JsonInput<paths['/api/orgs/{org}/scenarios/{scenarioId}/assessment']['put']>;
export type TreatmentInput = JsonInput<paths['/api/orgs/{org}/scenarios/{scenarioId}/treatment']['put']>;
export type AcceptanceInput = JsonInput<paths['/api/orgs/{org}/scenarios/{scenarioId}/acceptances']['post']>;
export type ReviewInput = JsonInput<paths['/api/orgs/{org}/scenarios/{scenarioId}/reviews']['post']>;
export type PathStepInput = CreateScenarioInput['path'] extends (infer Step)[] | undefined ? Step : never;

export type Threat = Ok<paths['/api/orgs/{org}/threats']['get']>['items'][number];
export type Vulnerability = Ok<paths['/api/orgs/{org}/vulnerabilities']['get']>['items'][number];

/** The three analyst ratings, and the computed one. */
export type RatingName = 'inherent' | 'current' | 'target' | 'residual';
