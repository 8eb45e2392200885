CREATE TABLE "assets" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"owner" text,
	"custodian" text,
	"operator_id" uuid,
	"confidentiality" smallint,
	"integrity" smallint,
	"availability" smallint,
	"criticality" smallint GENERATED ALWAYS AS (coalesce(greatest(confidentiality, integrity, availability), 0)) STORED NOT NULL,
	"rto_minutes" integer,
	"rpo_minutes" integer,
	"status" text NOT NULL,
	"location" text,
	"tags" text[] NOT NULL,
	"cmdb_id" text,
	"purl" text,
	"cpe" text,
	"other_id" text,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, translate(name || ' ' || coalesce(cmdb_id, '') || ' ' || coalesce(purl, '') || ' ' || coalesce(cpe, '') || ' ' || coalesce(other_id, ''), '-_.:/@+#,;()=&|~', '                '))) STORED NOT NULL,
	CONSTRAINT "assets_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "assets_levels_check" CHECK ("assets"."confidentiality" > 0 and "assets"."integrity" > 0 and "assets"."availability" > 0),
	CONSTRAINT "assets_objectives_check" CHECK ("assets"."rto_minutes" >= 0 and "assets"."rpo_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dependencies" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"target_asset_id" uuid,
	"target_org_id" uuid,
	"type" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dependencies_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "dependencies_one_target_check" CHECK (("dependencies"."target_asset_id" is null) <> ("dependencies"."target_org_id" is null)),
	CONSTRAINT "dependencies_no_self_loop_check" CHECK ("dependencies"."source_id" <> "dependencies"."target_asset_id")
);
--> statement-breakpoint
CREATE TABLE "external_organizations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship_types" text[] NOT NULL,
	"criticality" smallint NOT NULL,
	"contacts" jsonb NOT NULL,
	"contract_start" date,
	"contract_end" date,
	"country" text,
	"website" text,
	"notes" text,
	"tags" text[] NOT NULL,
	"external_id" text,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "external_organizations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "external_organizations_criticality_check" CHECK ("external_organizations"."criticality" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "inventory_state" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"inventory_version" bigint DEFAULT 0 NOT NULL,
	"asset_count" integer DEFAULT 0 NOT NULL,
	"protection_scale" jsonb
);
--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_operator_fk" FOREIGN KEY ("org_id","operator_id") REFERENCES "public"."external_organizations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_source_fk" FOREIGN KEY ("org_id","source_id") REFERENCES "public"."assets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_target_asset_fk" FOREIGN KEY ("org_id","target_asset_id") REFERENCES "public"."assets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_target_org_fk" FOREIGN KEY ("org_id","target_org_id") REFERENCES "public"."external_organizations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_organizations" ADD CONSTRAINT "external_organizations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_state" ADD CONSTRAINT "inventory_state_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assets_cmdb_id_key" ON "assets" USING btree ("org_id","cmdb_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_purl_key" ON "assets" USING btree ("org_id","purl");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_cpe_key" ON "assets" USING btree ("org_id","cpe");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_other_id_key" ON "assets" USING btree ("org_id","other_id");--> statement-breakpoint
CREATE INDEX "assets_name_idx" ON "assets" USING btree ("org_id",(lower(name) collate "C"),"id");--> statement-breakpoint
CREATE INDEX "assets_kind_idx" ON "assets" USING btree ("org_id","kind",(lower(name) collate "C"),"id");--> statement-breakpoint
CREATE INDEX "assets_criticality_idx" ON "assets" USING btree ("org_id",(- "criticality"),(lower(name) collate "C"),"id");--> statement-breakpoint
CREATE INDEX "assets_updated_idx" ON "assets" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "assets_operator_idx" ON "assets" USING btree ("org_id","operator_id");--> statement-breakpoint
CREATE INDEX "assets_search_idx" ON "assets" USING gin ("search");--> statement-breakpoint
CREATE INDEX "assets_tags_idx" ON "assets" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "dependencies_asset_edge_key" ON "dependencies" USING btree ("org_id","source_id","target_asset_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "dependencies_org_edge_key" ON "dependencies" USING btree ("org_id","source_id","target_org_id","type");--> statement-breakpoint
CREATE INDEX "dependencies_target_asset_idx" ON "dependencies" USING btree ("org_id","target_asset_id");--> statement-breakpoint
CREATE INDEX "dependencies_target_org_idx" ON "dependencies" USING btree ("org_id","target_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "external_organizations_name_key" ON "external_organizations" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "external_organizations_external_id_key" ON "external_organizations" USING btree ("org_id","external_id");