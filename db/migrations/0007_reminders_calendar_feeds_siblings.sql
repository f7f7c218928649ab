CREATE TYPE "public"."reminder_choice" AS ENUM('none', 'weekly', 'eve');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"family_id" integer PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "reminder_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" date NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "reminders" "reminder_choice" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "group_id" integer;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_runs_kind_period" ON "reminder_runs" USING btree ("kind","period");