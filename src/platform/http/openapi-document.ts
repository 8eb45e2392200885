import { loadConfig } from '../config.ts';
import type { Store } from '../db/store.ts';
import { buildApp } from './app.ts';

/** A store that is never called: building the document only needs the routes, not the data. */
const NO_STORE: Store = {
  kind: 'embedded',
  db: undefined as never,
  query: () => Promise.reject(new Error('no store')),
  ping: () => Promise.reject(new Error('no store')),
  close: () => Promise.resolve(),
};

/** The OpenAPI 3.1 document as committed in docs/openapi.json (stable key order, trailing newline). */
export async function generateOpenApiDocument(): Promise<string> {
  const app = await buildApp(NO_STORE, { ...loadConfig({}), webDir: '/nonexistent' });
  await app.ready();
  const document = app.swagger();
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}
