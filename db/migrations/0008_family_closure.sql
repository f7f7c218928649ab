ALTER TABLE "families" ADD COLUMN "closure_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "families_closure_pending" ON "families" USING btree ("closure_requested_at") WHERE "families"."closure_requested_at" is not null and "families"."closed_at" is null;