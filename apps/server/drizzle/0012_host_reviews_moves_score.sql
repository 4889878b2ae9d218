ALTER TABLE "host_reviews" ADD COLUMN "moves_score" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Reviews written before the rule: moved the score only if their author had then been marked present at a
-- live run of another host (the same test the server now makes when a review is written).
UPDATE "host_reviews" h SET "moves_score" = EXISTS (
  SELECT 1 FROM "attendance" a JOIN "runs" r ON r."id" = a."run_id"
  WHERE a."user_id" = h."reviewer_id" AND a."present" AND r."host_id" <> h."host_id"
    AND r."cancelled_at" IS NULL AND a."recorded_at" <= h."created_at"
);--> statement-breakpoint
-- Marks of runners who left or were removed: removing a participant deletes their marks.
DELETE FROM "attendance" a WHERE NOT EXISTS (
  SELECT 1 FROM "run_participants" p
  WHERE p."run_id" = a."run_id" AND p."user_id" = a."user_id" AND p."status" = 'joined'
);--> statement-breakpoint
-- The derived score again, from the records as they now count.
UPDATE "users" u SET "good_runner_score" = greatest(0, least(100, 50
  + coalesce((SELECT sum(CASE WHEN a."present" THEN 1 ELSE -1 END) FROM "attendance" a WHERE a."user_id" = u."id"), 0)
  + coalesce((SELECT sum(CASE WHEN r."positive" THEN 1 ELSE -1 END) FROM "host_reviews" r WHERE r."host_id" = u."id" AND r."moves_score"), 0)
));
