CREATE TYPE "public"."absence_reason" AS ENUM('maladie', 'autre');--> statement-breakpoint
CREATE TYPE "public"."absence_status" AS ENUM('pending', 'justified', 'unjustified');--> statement-breakpoint
ALTER TYPE "public"."request_type" ADD VALUE 'absence';--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"request_id" integer PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"reason" "absence_reason" NOT NULL,
	"details" text,
	"document_id" integer,
	"certificate_due_at" timestamp with time zone NOT NULL,
	"status" "absence_status" DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "reservations_date_site_service_unit";--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "absence_request_id" integer;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "absence_released" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "billable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_family" ON "documents" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "absences_status_created" ON "absences" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "absences_family" ON "absences" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "reservations_absence" ON "reservations" USING btree ("absence_request_id") WHERE "reservations"."absence_request_id" is not null;--> statement-breakpoint
CREATE INDEX "reservations_date_site_service_unit" ON "reservations" USING btree ("date","site_id","service","unit") WHERE not "reservations"."absence_released";