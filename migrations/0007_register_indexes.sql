DROP INDEX "risk_scenarios_current";--> statement-breakpoint
DROP INDEX "risk_scenarios_residual";--> statement-breakpoint
DROP INDEX "risk_scenarios_title";--> statement-breakpoint
CREATE INDEX "risk_scenarios_priority" ON "risk_scenarios" USING btree ("org_id","current_level" DESC NULLS LAST,"current_consequence" DESC NULLS LAST,"current_likelihood" DESC NULLS LAST,lower("ref_id"),"id","criteria_id","ref_id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_residual_priority" ON "risk_scenarios" USING btree ("org_id","residual_level" DESC NULLS LAST,"residual_consequence" DESC NULLS LAST,"residual_likelihood" DESC NULLS LAST,lower("ref_id"),"id","criteria_id","ref_id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_updated" ON "risk_scenarios" USING btree ("org_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"criteria_id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_title" ON "risk_scenarios" USING btree ("org_id",lower("title"),"id","title","criteria_id");