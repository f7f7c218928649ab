CREATE TYPE "public"."waiting_status" AS ENUM('waiting', 'promoted', 'left', 'removed', 'expired');--> statement-breakpoint
ALTER TYPE "public"."request_type" ADD VALUE 'promotion';--> statement-breakpoint
CREATE TABLE "waiting_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"child_id" integer NOT NULL,
	"service" "service_kind" NOT NULL,
	"site_id" integer NOT NULL,
	"school_year_id" integer NOT NULL,
	"date" date NOT NULL,
	"units" "unit"[] NOT NULL,
	"request_id" integer,
	"status" "waiting_status" DEFAULT 'waiting' NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"promotion_request_id" integer,
	"promoted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"closed_reason" text
);
--> statement-breakpoint
ALTER TABLE "waiting_entries" ADD CONSTRAINT "waiting_entries_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_entries" ADD CONSTRAINT "waiting_entries_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_entries" ADD CONSTRAINT "waiting_entries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_entries" ADD CONSTRAINT "waiting_entries_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_entries" ADD CONSTRAINT "waiting_entries_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_entries" ADD CONSTRAINT "waiting_entries_promotion_request_id_requests_id_fk" FOREIGN KEY ("promotion_request_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_entries" ADD CONSTRAINT "waiting_entries_closed_by_accounts_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_entries_one_per_day" ON "waiting_entries" USING btree ("child_id","service","date") WHERE "waiting_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waiting_entries_line" ON "waiting_entries" USING btree ("site_id","service","date","queued_at","id") WHERE "waiting_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waiting_entries_family" ON "waiting_entries" USING btree ("family_id");