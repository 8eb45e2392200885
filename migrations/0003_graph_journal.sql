CREATE TABLE "inventory_changes" (
	"org_id" uuid NOT NULL,
	"version" bigint NOT NULL,
	"node_id" uuid
);
--> statement-breakpoint
ALTER TABLE "inventory_state" ADD COLUMN "journal_from" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "inventory_changes_version" ON "inventory_changes" USING btree ("org_id","version");--> statement-breakpoint
-- Journal the graph nodes each statement touches, stamped with the transaction's inventory version (the
-- caller bumped and locked inventory_state first: beginInventoryWrite). TG_ARGV[0] lists, as VALUES rows over
-- the transition table r, the columns naming nodes. A statement touching more than 10,000 nodes of an
-- organization journals one null instead: patching that many is no cheaper than reloading.
CREATE FUNCTION bulwark_journal_nodes() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  source text := CASE TG_OP
    WHEN 'INSERT' THEN 'new_rows'
    WHEN 'DELETE' THEN 'old_rows'
    ELSE '(select * from new_rows union all select * from old_rows)' END;
BEGIN
  EXECUTE format($q$
    with touched as (
      select distinct r.org_id, v.node_id from %s r cross join lateral (values %s) v(node_id) where v.node_id is not null),
    sized as (select org_id, count(*) > 10000 as too_many from touched group by org_id)
    insert into inventory_changes (org_id, version, node_id)
    select t.org_id, s.inventory_version, t.node_id
      from touched t join sized z on z.org_id = t.org_id and not z.too_many join inventory_state s on s.org_id = t.org_id
    union all
    select z.org_id, s.inventory_version, null from sized z join inventory_state s on s.org_id = z.org_id where z.too_many
  $q$, source, TG_ARGV[0]);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER assets_journal_insert AFTER INSERT ON assets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.id)');
--> statement-breakpoint
CREATE TRIGGER assets_journal_update AFTER UPDATE ON assets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.id)');
--> statement-breakpoint
CREATE TRIGGER assets_journal_delete AFTER DELETE ON assets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.id)');
--> statement-breakpoint
CREATE TRIGGER external_organizations_journal_insert AFTER INSERT ON external_organizations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.id)');
--> statement-breakpoint
CREATE TRIGGER external_organizations_journal_update AFTER UPDATE ON external_organizations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.id)');
--> statement-breakpoint
CREATE TRIGGER external_organizations_journal_delete AFTER DELETE ON external_organizations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.id)');
--> statement-breakpoint
CREATE TRIGGER dependencies_journal_insert AFTER INSERT ON dependencies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.source_id), (r.target_asset_id), (r.target_org_id)');
--> statement-breakpoint
CREATE TRIGGER dependencies_journal_update AFTER UPDATE ON dependencies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.source_id), (r.target_asset_id), (r.target_org_id)');
--> statement-breakpoint
CREATE TRIGGER dependencies_journal_delete AFTER DELETE ON dependencies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_journal_nodes('(r.source_id), (r.target_asset_id), (r.target_org_id)');
--> statement-breakpoint
-- Nothing was journaled before this migration.
UPDATE inventory_state SET journal_from = inventory_version;
