import type { Principal } from '../auth/principal.ts';
import type { Config } from '../config.ts';
import type { Store } from '../db/store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    config: Config;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
