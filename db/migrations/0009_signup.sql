CREATE TYPE "public"."family_status" AS ENUM('active', 'pending', 'refused');--> statement-breakpoint
ALTER TYPE "public"."token_kind" ADD VALUE 'email_confirmation';--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "email_confirmation_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "status" "family_status" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "refusal_reason" text;--> statement-breakpoint
CREATE INDEX "families_pending" ON "families" USING btree ("created_at") WHERE status = 'pending';