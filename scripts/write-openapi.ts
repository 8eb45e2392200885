/**
 * Writes docs/openapi.json from the route schemas. The file is committed; test/api/openapi.test.ts fails
 * when it drifts from the code, and the web client's types are generated from it.
 * Usage: npm run openapi
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateOpenApiDocument } from '../src/platform/http/openapi-document.ts';

const target = path.resolve(import.meta.dirname, '../docs/openapi.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, await generateOpenApiDocument());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
