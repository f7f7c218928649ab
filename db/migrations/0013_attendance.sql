CREATE TYPE "public"."attendance_slot" AS ENUM('matin', 'repas', 'apres_midi');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'animateur';--> statement-breakpoint
CREATE TABLE "account_sites" (
	"account_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	CONSTRAINT "account_sites_account_id_site_id_pk" PRIMARY KEY("account_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "attendance_hours" (
	"slot" "attendance_slot" PRIMARY KEY NOT NULL,
	"hours" numeric(4, 2) NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" integer,
	CONSTRAINT "attendance_hours_range" CHECK ("attendance_hours"."hours" > 0 and "attendance_hours"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "attendance_marks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"child_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"service" "service_kind" NOT NULL,
	"date" date NOT NULL,
	"slot" "attendance_slot" NOT NULL,
	"status" "attendance_status" NOT NULL,
	"booked" boolean NOT NULL,
	"tapped_at" timestamp with time zone NOT NULL,
	"marked_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_taps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"child_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"service" "service_kind" NOT NULL,
	"date" date NOT NULL,
	"slot" "attendance_slot" NOT NULL,
	"status" "attendance_status" NOT NULL,
	"tapped_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"account_id" integer
);
--> statement-breakpoint
ALTER TABLE "account_sites" ADD CONSTRAINT "account_sites_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_sites" ADD CONSTRAINT "account_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_hours" ADD CONSTRAINT "attendance_hours_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_marked_by_accounts_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_taps" ADD CONSTRAINT "attendance_taps_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_taps" ADD CONSTRAINT "attendance_taps_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_taps" ADD CONSTRAINT "attendance_taps_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_sites_site" ON "account_sites" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_marks_child_day_slot" ON "attendance_marks" USING btree ("child_id","service","date","slot");--> statement-breakpoint
CREATE INDEX "attendance_marks_site_date" ON "attendance_marks" USING btree ("site_id","date","slot");--> statement-breakpoint
CREATE INDEX "attendance_marks_date" ON "attendance_marks" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_taps_idempotency" ON "attendance_taps" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "attendance_taps_child_day" ON "attendance_taps" USING btree ("child_id","date");--> statement-breakpoint
INSERT INTO "attendance_hours" ("slot", "hours") VALUES ('matin', 4), ('apres_midi', 4), ('repas', 2);
