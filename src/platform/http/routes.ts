import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from '../audit/audit.routes.ts';
import { sessionRoutes } from '../auth/session.routes.ts';
import { tokenRoutes } from '../auth/tokens.routes.ts';
import { orgRoutes } from '../orgs/orgs.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { jobRoutes } from '../jobs/jobs.routes.ts';
import { analyticsRoutes } from '../../inventory/analytics.routes.ts';
import { assetRoutes } from '../../inventory/assets.routes.ts';
import { dependencyRoutes } from '../../inventory/dependencies.routes.ts';
import { externalOrganizationRoutes } from '../../inventory/external-orgs.routes.ts';
import { scaleRoutes } from '../../inventory/scale.routes.ts';
import { inventoryImportRoutes } from '../../inventory/imports/imports.routes.ts';
import { criteriaRoutes } from '../../risk/criteria.routes.ts';
import { controlRoutes } from '../../risk/controls.routes.ts';
import { scenarioRoutes } from '../../risk/scenarios.routes.ts';
import { registerRoutes } from '../../risk/register.routes.ts';
import { threatRoutes } from '../../risk/threats.routes.ts';
import { vulnerabilityRoutes } from '../../risk/vulnerabilities.routes.ts';
import { fairRoutes } from '../../quant/fair.routes.ts';

/** Every route module of the application. A new domain adds its module here. */
export const routeModules: FastifyPluginAsyncZod[] = [
  healthRoutes,
  sessionRoutes,
  orgRoutes,
  tokenRoutes,
  auditRoutes,
  jobRoutes,
  scaleRoutes,
  externalOrganizationRoutes,
  assetRoutes,
  dependencyRoutes,
  analyticsRoutes,
  inventoryImportRoutes,
  criteriaRoutes,
  controlRoutes,
  scenarioRoutes,
  registerRoutes,
  threatRoutes,
  vulnerabilityRoutes,
  fairRoutes,
];
