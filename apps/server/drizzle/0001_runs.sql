CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"run_id" uuid,
	"data" jsonb NOT NULL,
	"link" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_bookmarks" (
	"user_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_bookmarks_user_id_run_id_pk" PRIMARY KEY("user_id","run_id")
);
--> statement-breakpoint
CREATE TABLE "run_participants" (
	"run_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"removed_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "run_participants_run_id_user_id_pk" PRIMARY KEY("run_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "run_photos" (
	"run_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "run_photos_run_id_upload_id_pk" PRIMARY KEY("run_id","upload_id")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"meet_at" timestamp with time zone,
	"join_deadline" timestamp with time zone NOT NULL,
	"place_name" text NOT NULL,
	"place_lat" double precision NOT NULL,
	"place_lng" double precision NOT NULL,
	"route" jsonb NOT NULL,
	"distance_km" double precision NOT NULL,
	"capacity" integer NOT NULL,
	"theme" text NOT NULL,
	"region" text NOT NULL,
	"time_of_day" text NOT NULL,
	"pace_sec_per_km" integer,
	"parking" text,
	"baggage" text,
	"participant_count" integer DEFAULT 1 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"search_text" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "runs_capacity_range" CHECK ("runs"."capacity" between 2 and 100),
	CONSTRAINT "runs_seats_never_oversold" CHECK ("runs"."participant_count" between 1 and "runs"."capacity"),
	CONSTRAINT "runs_waitlist_non_negative" CHECK ("runs"."waitlist_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "runs_hosted" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_bookmarks" ADD CONSTRAINT "run_bookmarks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_bookmarks" ADD CONSTRAINT "run_bookmarks_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_participants" ADD CONSTRAINT "run_participants_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_participants" ADD CONSTRAINT "run_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_photos" ADD CONSTRAINT "run_photos_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_photos" ADD CONSTRAINT "run_photos_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_host_id_users_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "run_bookmarks_run_idx" ON "run_bookmarks" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "run_participants_queue_idx" ON "run_participants" USING btree ("run_id","status","created_at");--> statement-breakpoint
CREATE INDEX "run_participants_user_idx" ON "run_participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "run_photos_upload_key" ON "run_photos" USING btree ("upload_id");--> statement-breakpoint
CREATE INDEX "runs_starts_idx" ON "runs" USING btree ("starts_at","id") WHERE "runs"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "runs_created_idx" ON "runs" USING btree ("created_at","id") WHERE "runs"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "runs_popular_idx" ON "runs" USING btree ("participant_count","id") WHERE "runs"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "runs_region_starts_idx" ON "runs" USING btree ("region","starts_at") WHERE "runs"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "runs_place_idx" ON "runs" USING btree ("place_lat","place_lng");--> statement-breakpoint
CREATE INDEX "runs_host_idx" ON "runs" USING btree ("host_id","starts_at");--> statement-breakpoint
CREATE INDEX "runs_search_trgm_idx" ON "runs" USING gin ("search_text" gin_trgm_ops);