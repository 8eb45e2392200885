CREATE TABLE "job_payloads" (
	"org_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"content" text NOT NULL,
	CONSTRAINT "job_payloads_org_id_job_id_pk" PRIMARY KEY("org_id","job_id")
);
--> statement-breakpoint
ALTER TABLE "job_payloads" ADD CONSTRAINT "job_payloads_org_id_job_id_jobs_org_id_id_fk" FOREIGN KEY ("org_id","job_id") REFERENCES "public"."jobs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Inventory import jobs queued before this migration carry their file in input.content: move it beside them.
INSERT INTO "job_payloads" ("org_id", "job_id", "content") SELECT "org_id", "id", "input"->>'content' FROM "jobs" WHERE "status" IN ('queued', 'running') AND "input" ? 'content';--> statement-breakpoint
UPDATE "jobs" SET "input" = "input" - 'content' WHERE "input" ? 'content';
