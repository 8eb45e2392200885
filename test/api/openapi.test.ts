import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../../src/platform/http/openapi-document.ts';

describe('OpenAPI document', () => {
  it('matches the committed docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
    expect(await generateOpenApiDocument()).toBe(committed);
  });

  it('describes every route with problem responses, and no internal route', async () => {
    const document = JSON.parse(await generateOpenApiDocument()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/orgs/{org}/audit');
    expect(Object.keys(document.paths)).not.toContain('/api/openapi.json');
    // Liveness never touches the database; every other route can meet an unreachable store.
    for (const [route, operations] of Object.entries(document.paths).filter(([route]) => route !== '/healthz')) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.responses['503'], `${method.toUpperCase()} ${route} documents 503`).toBeDefined();
      }
    }
  });
});
