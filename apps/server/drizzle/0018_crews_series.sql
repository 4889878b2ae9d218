CREATE TABLE "crew_announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"crew_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crew_calendar_feeds" (
	"crew_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "crew_calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "crew_members" (
	"crew_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "crew_members_crew_id_user_id_pk" PRIMARY KEY("crew_id","user_id"),
	CONSTRAINT "crew_members_status" CHECK ("crew_members"."status" in ('member', 'pending', 'banned')),
	CONSTRAINT "crew_members_role" CHECK ("crew_members"."role" in ('owner', 'staff', 'member'))
);
--> statement-breakpoint
CREATE TABLE "crews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text,
	"description" text DEFAULT '' NOT NULL,
	"regions" jsonb NOT NULL,
	"home_spot_name" text NOT NULL,
	"home_lat" double precision NOT NULL,
	"home_lng" double precision NOT NULL,
	"days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"usual_time" text,
	"pace_min" integer,
	"pace_max" integer,
	"level" text DEFAULT '' NOT NULL,
	"beginner_friendly" boolean DEFAULT false NOT NULL,
	"logo_id" uuid,
	"cover_id" uuid,
	"join_policy" text NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auto_member_after" integer,
	"invite_token_hash" text,
	"member_count" integer DEFAULT 1 NOT NULL,
	"activity_score" integer DEFAULT 0 NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "crews_join_policy" CHECK ("crews"."join_policy" in ('open', 'approval', 'invite')),
	CONSTRAINT "crews_auto_member_range" CHECK ("crews"."auto_member_after" is null or "crews"."auto_member_after" between 1 and 20),
	CONSTRAINT "crews_member_count_positive" CHECK ("crews"."member_count" >= 1)
);
--> statement-breakpoint
CREATE TABLE "run_cohosts" (
	"run_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_cohosts_run_id_user_id_pk" PRIMARY KEY("run_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_id" uuid NOT NULL,
	"crew_id" uuid,
	"template" jsonb NOT NULL,
	"freq" text NOT NULL,
	"interval" integer DEFAULT 1 NOT NULL,
	"by_day" jsonb NOT NULL,
	"by_set_pos" integer,
	"time" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"count" integer,
	"opened_through" date,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "series_freq" CHECK ("series"."freq" in ('weekly', 'monthly')),
	CONSTRAINT "series_count_range" CHECK ("series"."count" is null or "series"."count" between 1 and 104)
);
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_one_target";--> statement-breakpoint
ALTER TABLE "chat_reads" DROP CONSTRAINT "chat_reads_run_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "chat_messages" ALTER COLUMN "run_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_reads" ALTER COLUMN "run_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD COLUMN "crew_id" uuid;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD COLUMN "pinned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_reads" ADD COLUMN "crew_id" uuid;--> statement-breakpoint
ALTER TABLE "chat_reads" ADD COLUMN "muted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "announcement_id" uuid;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "crew_id" uuid;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "guest_seats" integer;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "occurrence_date" date;--> statement-breakpoint
ALTER TABLE "crew_announcements" ADD CONSTRAINT "crew_announcements_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crew_announcements" ADD CONSTRAINT "crew_announcements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crew_calendar_feeds" ADD CONSTRAINT "crew_calendar_feeds_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crew_members" ADD CONSTRAINT "crew_members_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crew_members" ADD CONSTRAINT "crew_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crews" ADD CONSTRAINT "crews_logo_id_uploads_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crews" ADD CONSTRAINT "crews_cover_id_uploads_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_cohosts" ADD CONSTRAINT "run_cohosts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_cohosts" ADD CONSTRAINT "run_cohosts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_host_id_users_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crew_announcements_crew_idx" ON "crew_announcements" USING btree ("crew_id","created_at","id") WHERE "crew_announcements"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "crew_members_one_owner" ON "crew_members" USING btree ("crew_id") WHERE "crew_members"."role" = 'owner';--> statement-breakpoint
CREATE INDEX "crew_members_status_idx" ON "crew_members" USING btree ("crew_id","status","created_at");--> statement-breakpoint
CREATE INDEX "crew_members_user_idx" ON "crew_members" USING btree ("user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "crews_name_key" ON "crews" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "crews_activity_idx" ON "crews" USING btree ("activity_score","id") WHERE "crews"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "crews_search_trgm_idx" ON "crews" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "run_cohosts_user_idx" ON "run_cohosts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "series_open_idx" ON "series" USING btree ("id") WHERE "series"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "series_crew_idx" ON "series" USING btree ("crew_id");--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_reads" ADD CONSTRAINT "chat_reads_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_announcement_id_crew_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."crew_announcements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_messages_crew_idx" ON "chat_messages" USING btree ("crew_id","created_at","id") WHERE "chat_messages"."crew_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_reads_run_key" ON "chat_reads" USING btree ("run_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_reads_crew_key" ON "chat_reads" USING btree ("crew_id","user_id");--> statement-breakpoint
CREATE INDEX "chat_reads_user_idx" ON "chat_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comments_announcement_idx" ON "comments" USING btree ("announcement_id","created_at","id") WHERE "comments"."parent_id" is null and "comments"."announcement_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "runs_series_occurrence_key" ON "runs" USING btree ("series_id","occurrence_date");--> statement-breakpoint
CREATE INDEX "runs_crew_starts_idx" ON "runs" USING btree ("crew_id","starts_at") WHERE "runs"."crew_id" is not null;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_one_chat" CHECK (("chat_messages"."run_id" is null) <> ("chat_messages"."crew_id" is null));--> statement-breakpoint
ALTER TABLE "chat_reads" ADD CONSTRAINT "chat_reads_one_chat" CHECK (("chat_reads"."run_id" is null) <> ("chat_reads"."crew_id" is null));--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_one_target" CHECK (num_nonnulls("comments"."run_id", "comments"."course_id", "comments"."announcement_id") = 1);--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_visibility" CHECK ("runs"."visibility" in ('public', 'crew'));--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_crew_visibility" CHECK ("runs"."visibility" = 'public' or "runs"."crew_id" is not null);