ALTER TABLE "runs" ADD COLUMN "segment_starts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "segment_starts" jsonb DEFAULT '[]'::jsonb NOT NULL;