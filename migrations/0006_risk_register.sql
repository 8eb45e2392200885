CREATE TABLE "threat_relations" (
	"org_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"type" text NOT NULL,
	"to_id" uuid NOT NULL,
	CONSTRAINT "threat_relations_org_id_from_id_type_to_id_pk" PRIMARY KEY("org_id","from_id","type","to_id")
);
--> statement-breakpoint
CREATE TABLE "threats" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"category" text,
	"name" text NOT NULL,
	"description" text,
	"external_id" text,
	"stix_id" text,
	"origin" text NOT NULL,
	"url" text,
	"tactics" text[] NOT NULL,
	"platforms" text[] NOT NULL,
	"aliases" text[] NOT NULL,
	"deprecated" boolean DEFAULT false NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "threats_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "kev_entries" (
	"org_id" uuid NOT NULL,
	"cve_id" text NOT NULL,
	"vendor" text NOT NULL,
	"product" text NOT NULL,
	"name" text NOT NULL,
	"date_added" date NOT NULL,
	"due_date" date,
	"required_action" text,
	"ransomware" boolean NOT NULL,
	"catalog_version" text NOT NULL,
	CONSTRAINT "kev_entries_org_id_cve_id_pk" PRIMARY KEY("org_id","cve_id")
);
--> statement-breakpoint
CREATE TABLE "vulnerabilities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cve_id" text,
	"title" text NOT NULL,
	"description" text,
	"cvss_vector" text,
	"cvss_version" text,
	"cvss_score" numeric(3, 1),
	"cvss_severity" text,
	"epss_score" numeric(6, 5),
	"epss_percentile" numeric(6, 5),
	"epss_date" date,
	"status" text NOT NULL,
	"tags" text[] NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vulnerabilities_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "vulnerability_assets" (
	"org_id" uuid NOT NULL,
	"vulnerability_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "vulnerability_assets_org_id_vulnerability_id_asset_id_pk" PRIMARY KEY("org_id","vulnerability_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "risk_acceptances" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"criteria_version" integer NOT NULL,
	"accepted_by" uuid NOT NULL,
	"accepted_by_label" text NOT NULL,
	"authority" text NOT NULL,
	"justification" text NOT NULL,
	"conditions" text,
	"accepted_at" timestamp with time zone NOT NULL,
	"expires_on" date NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	CONSTRAINT "risk_acceptances_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "risk_scenario_history" (
	"org_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"note" text,
	CONSTRAINT "risk_scenario_history_org_id_scenario_id_seq_pk" PRIMARY KEY("org_id","scenario_id","seq")
);
--> statement-breakpoint
CREATE TABLE "risk_scenario_links" (
	"org_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"role" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"note" text,
	CONSTRAINT "risk_scenario_links_org_id_scenario_id_role_target_id_pk" PRIMARY KEY("org_id","scenario_id","role","target_id")
);
--> statement-breakpoint
CREATE TABLE "risk_scenarios" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ref_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"approach" text NOT NULL,
	"status" text NOT NULL,
	"owner_id" uuid,
	"risk_source_id" uuid,
	"desired_end_state" text,
	"criteria_id" uuid NOT NULL,
	"criteria_version" integer NOT NULL,
	"inherent_likelihood" smallint,
	"inherent_consequence" smallint,
	"inherent_level" smallint,
	"current_likelihood" smallint,
	"current_consequence" smallint,
	"current_level" smallint,
	"target_likelihood" smallint,
	"target_consequence" smallint,
	"target_level" smallint,
	"residual_likelihood" smallint,
	"residual_consequence" smallint,
	"residual_level" smallint,
	"rationale" jsonb NOT NULL,
	"strength_of_knowledge" text,
	"evaluation" text,
	"treatment_option" text,
	"treatment_justification" text,
	"review_due" date,
	"last_reviewed_at" timestamp with time zone,
	"tags" text[] NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_scenarios_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "threat_relations" ADD CONSTRAINT "threat_relations_org_id_from_id_threats_org_id_id_fk" FOREIGN KEY ("org_id","from_id") REFERENCES "public"."threats"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_relations" ADD CONSTRAINT "threat_relations_org_id_to_id_threats_org_id_id_fk" FOREIGN KEY ("org_id","to_id") REFERENCES "public"."threats"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threats" ADD CONSTRAINT "threats_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kev_entries" ADD CONSTRAINT "kev_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerabilities" ADD CONSTRAINT "vulnerabilities_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_assets" ADD CONSTRAINT "vulnerability_assets_org_id_vulnerability_id_vulnerabilities_org_id_id_fk" FOREIGN KEY ("org_id","vulnerability_id") REFERENCES "public"."vulnerabilities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_org_id_scenario_id_risk_scenarios_org_id_id_fk" FOREIGN KEY ("org_id","scenario_id") REFERENCES "public"."risk_scenarios"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenario_history" ADD CONSTRAINT "risk_scenario_history_org_id_scenario_id_risk_scenarios_org_id_id_fk" FOREIGN KEY ("org_id","scenario_id") REFERENCES "public"."risk_scenarios"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenario_links" ADD CONSTRAINT "risk_scenario_links_org_id_scenario_id_risk_scenarios_org_id_id_fk" FOREIGN KEY ("org_id","scenario_id") REFERENCES "public"."risk_scenarios"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenarios" ADD CONSTRAINT "risk_scenarios_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenarios" ADD CONSTRAINT "risk_scenarios_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "threat_relations_to" ON "threat_relations" USING btree ("org_id","to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "threats_stix_id" ON "threats" USING btree ("org_id","stix_id") WHERE "threats"."stix_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "threats_kind_name" ON "threats" USING btree ("org_id","kind",lower("name")) WHERE "threats"."stix_id" is null;--> statement-breakpoint
CREATE INDEX "threats_kind" ON "threats" USING btree ("org_id","kind",lower("name"));--> statement-breakpoint
CREATE INDEX "threats_external_id" ON "threats" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerabilities_cve" ON "vulnerabilities" USING btree ("org_id","cve_id") WHERE "vulnerabilities"."cve_id" is not null;--> statement-breakpoint
CREATE INDEX "vulnerabilities_title" ON "vulnerabilities" USING btree ("org_id",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "vulnerability_assets_asset" ON "vulnerability_assets" USING btree ("org_id","asset_id");--> statement-breakpoint
CREATE INDEX "risk_acceptances_scenario" ON "risk_acceptances" USING btree ("org_id","scenario_id","accepted_at");--> statement-breakpoint
CREATE INDEX "risk_scenario_links_target" ON "risk_scenario_links" USING btree ("org_id","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_scenarios_ref" ON "risk_scenarios" USING btree ("org_id",lower("ref_id"));--> statement-breakpoint
CREATE INDEX "risk_scenarios_current" ON "risk_scenarios" USING btree ("org_id","current_level","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_residual" ON "risk_scenarios" USING btree ("org_id","residual_level","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_owner" ON "risk_scenarios" USING btree ("org_id","owner_id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_status" ON "risk_scenarios" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "risk_scenarios_title" ON "risk_scenarios" USING btree ("org_id",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_review" ON "risk_scenarios" USING btree ("org_id","review_due");