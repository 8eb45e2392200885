CREATE TABLE "risk_criteria" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"current_version" integer NOT NULL,
	"is_default" boolean NOT NULL,
	"source_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_criteria_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "risk_criteria_versions" (
	"org_id" uuid NOT NULL,
	"criteria_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_criteria_versions_org_id_criteria_id_version_pk" PRIMARY KEY("org_id","criteria_id","version")
);
--> statement-breakpoint
ALTER TABLE "risk_criteria" ADD CONSTRAINT "risk_criteria_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_criteria_versions" ADD CONSTRAINT "risk_criteria_versions_org_id_criteria_id_risk_criteria_org_id_id_fk" FOREIGN KEY ("org_id","criteria_id") REFERENCES "public"."risk_criteria"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "risk_criteria_name" ON "risk_criteria" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "risk_criteria_default" ON "risk_criteria" USING btree ("org_id") WHERE "risk_criteria"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "risk_criteria_source" ON "risk_criteria" USING btree ("org_id","source_id") WHERE "risk_criteria"."source_id" is not null;