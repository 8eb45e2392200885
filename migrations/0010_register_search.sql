-- The register's text search (q: ILIKE '%…%' on reference or title) served by a trigram GIN index.
-- Hand-edited from drizzle-kit's CREATE INDEX (the index is declared in src/risk/scenarios.table.ts, so the
-- snapshot knows it and a later generate leaves it alone). pg_trgm is a contrib extension, trusted from
-- PostgreSQL 13 on, but a server without contrib, or a role that may not create it, must still start: the block
-- creates the extension and the index together or neither, and without them q still works, by scanning. The
-- migrator runs every pending migration in one transaction; the exception block is a subtransaction, so a
-- failure here undoes only this block, and the warning goes to the server's log. The operator class is named
-- with the extension's own schema, wherever an administrator installed it.
DO $$
DECLARE
  ops text;
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  SELECT format('%I.gin_trgm_ops', n.nspname) INTO ops
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pg_trgm';
  EXECUTE format('CREATE INDEX IF NOT EXISTS "risk_scenarios_search" ON "risk_scenarios" USING gin ("ref_id" %s, "title" %s) WITH (gin_pending_list_limit = 256)', ops, ops);
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'risk_scenarios_search not created (%): the register''s search (q) will scan instead', SQLERRM;
END
$$;
