CREATE TYPE "public"."reminder_choice" AS ENUM('none', 'weekly', 'eve');--> statement-breakpoint
CREATE TABLE "reminder_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" date NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "reminders" "reminder_choice" DEFAULT 'none' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_runs_kind_period" ON "reminder_runs" USING btree ("kind","period");