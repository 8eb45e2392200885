import pg from 'pg';
import { migratePostgres } from '../../src/platform/db/migrate.ts';

/**
 * Before the PostgreSQL suites: build a migrated template database once; each test file then clones it
 * (CREATE DATABASE … TEMPLATE is a file copy, far faster than migrating again).
 */
export const TEMPLATE_DB = 'bulwark_test_template';

export function adminUrl(): string {
  return process.env.BULWARK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  await migratePostgres(urlFor(TEMPLATE_DB));
}
