CREATE TABLE "applied_controls" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ref_id" text,
	"title" text NOT NULL,
	"description" text,
	"owner" text,
	"status" text NOT NULL,
	"due_date" date,
	"one_off_cost" numeric(14, 2),
	"yearly_cost" numeric(14, 2),
	"currency" text,
	"effectiveness" integer,
	"attributes" jsonb NOT NULL,
	"tags" text[] NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applied_controls_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "applied_controls" ADD CONSTRAINT "applied_controls_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applied_controls_ref" ON "applied_controls" USING btree ("org_id",lower("ref_id")) WHERE "applied_controls"."ref_id" is not null;--> statement-breakpoint
CREATE INDEX "applied_controls_title" ON "applied_controls" USING btree ("org_id",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "applied_controls_status" ON "applied_controls" USING btree ("org_id","status");