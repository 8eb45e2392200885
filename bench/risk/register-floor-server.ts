/**
 * The floor the risk register is measured against: bare node:http (no framework, no authentication, no
 * hooks, no logging) with the register's two read routes calling the product's own services
 * (src/risk/register.service.ts listRegister, heat-map.service.ts getHeatMap: the same SQL, the same
 * remembered pages, orders and totals) on a bare pg.Pool, and the product's own serializer for remembered
 * answers (one JSON.stringify per remembered object). The query string is parsed by the product's schemas,
 * since that is what turns `level=2,3` or `cell=current:1:2` into a filter. PostgreSQL only. Run as a child
 * process by register.ts:
 *
 *   FLOOR_PORT=… FLOOR_ORG_ID=… DATABASE_URL=… node --import tsx bench/risk/register-floor-server.ts
 */
import { rememberedJsonSerializer } from '../../src/platform/http/openapi-helpers.ts';
import { getHeatMap } from '../../src/risk/heat-map.service.ts';
import { ZHeatMapQuery, ZRegisterQuery } from '../../src/risk/register.schema.ts';
import { listRegister } from '../../src/risk/register.service.ts';
import { floorPostgresStore, required, serveFloor } from '../http/floor-kit.ts';

const { store, close } = floorPostgresStore(required('DATABASE_URL'));
const access = { orgId: required('FLOOR_ORG_ID'), tokenCheck: undefined };

/** The query string as the product's route sees it: repeated keys as lists, the rest as strings. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

serveFloor(
  (url) =>
    url.pathname.endsWith('/scenarios/heat-map')
      ? () => getHeatMap(store, access, ZHeatMapQuery.parse(queryObject(url.searchParams)))
      : url.pathname.endsWith('/scenarios')
        ? () => listRegister(store, access, ZRegisterQuery.parse(queryObject(url.searchParams)))
        : null,
  rememberedJsonSerializer(),
  close,
);
