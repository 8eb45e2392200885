CREATE TABLE "fair_analyses" (
	"org_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"model" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"controls" jsonb NOT NULL,
	"iterations" integer NOT NULL,
	"seed" bigint NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "fair_analyses_org_id_scenario_id_pk" PRIMARY KEY("org_id","scenario_id")
);
--> statement-breakpoint
CREATE TABLE "fair_runs" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"scenario_id" uuid,
	"engine" text NOT NULL,
	"model" text,
	"analysis" jsonb NOT NULL,
	"iterations" integer NOT NULL,
	"seed" bigint NOT NULL,
	"result" jsonb NOT NULL,
	"duration_ms" integer NOT NULL,
	"job_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "fair_runs_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "fair_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"currency" text,
	"appetite" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tolerance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"drivers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fair_analyses" ADD CONSTRAINT "fair_analyses_org_id_scenario_id_risk_scenarios_org_id_id_fk" FOREIGN KEY ("org_id","scenario_id") REFERENCES "public"."risk_scenarios"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_runs" ADD CONSTRAINT "fair_runs_org_id_scenario_id_risk_scenarios_org_id_id_fk" FOREIGN KEY ("org_id","scenario_id") REFERENCES "public"."risk_scenarios"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_settings" ADD CONSTRAINT "fair_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fair_runs_scenario" ON "fair_runs" USING btree ("org_id","scenario_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "fair_runs_kind" ON "fair_runs" USING btree ("org_id","kind","created_at" DESC NULLS LAST);