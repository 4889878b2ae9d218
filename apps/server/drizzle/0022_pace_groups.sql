CREATE TABLE "run_pace_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"pace_sec_per_km" integer NOT NULL,
	"capacity" integer NOT NULL,
	"pacer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_pace_groups_capacity_min" CHECK ("run_pace_groups"."capacity" >= 2)
);
--> statement-breakpoint
ALTER TABLE "run_participants" ADD COLUMN "pace_group_id" uuid;--> statement-breakpoint
ALTER TABLE "run_pace_groups" ADD CONSTRAINT "run_pace_groups_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_pace_groups" ADD CONSTRAINT "run_pace_groups_pacer_id_users_id_fk" FOREIGN KEY ("pacer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "run_pace_groups_pace_key" ON "run_pace_groups" USING btree ("run_id","pace_sec_per_km");--> statement-breakpoint
CREATE INDEX "run_pace_groups_run_idx" ON "run_pace_groups" USING btree ("run_id","position");--> statement-breakpoint
ALTER TABLE "run_participants" ADD CONSTRAINT "run_participants_pace_group_id_run_pace_groups_id_fk" FOREIGN KEY ("pace_group_id") REFERENCES "public"."run_pace_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "run_participants_group_queue_idx" ON "run_participants" USING btree ("pace_group_id","status","created_at") WHERE "run_participants"."pace_group_id" is not null;