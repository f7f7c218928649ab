CREATE TABLE "booking_openings" (
	"id" serial PRIMARY KEY NOT NULL,
	"service" "service_kind" NOT NULL,
	"school_year_id" integer NOT NULL,
	"holiday_period_id" integer,
	"opens_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiting_room_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"active_limit" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "waiting_room_settings_single" CHECK ("waiting_room_settings"."id" = 1),
	CONSTRAINT "waiting_room_settings_limit" CHECK ("waiting_room_settings"."active_limit" is null or "waiting_room_settings"."active_limit" > 0)
);
--> statement-breakpoint
CREATE TABLE "waiting_room_tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"rank" double precision NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"admitted_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "booking_openings" ADD CONSTRAINT "booking_openings_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_openings" ADD CONSTRAINT "booking_openings_holiday_period_id_holiday_periods_id_fk" FOREIGN KEY ("holiday_period_id") REFERENCES "public"."holiday_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "booking_openings_period" ON "booking_openings" USING btree ("service","school_year_id",coalesce("holiday_period_id", 0));--> statement-breakpoint
CREATE INDEX "booking_openings_opens_at" ON "booking_openings" USING btree ("opens_at");--> statement-breakpoint
CREATE INDEX "waiting_room_tickets_waiting" ON "waiting_room_tickets" USING btree ("rank") WHERE "waiting_room_tickets"."admitted_at" is null;--> statement-breakpoint
CREATE INDEX "waiting_room_tickets_admitted" ON "waiting_room_tickets" USING btree ("last_seen_at") WHERE "waiting_room_tickets"."admitted_at" is not null;