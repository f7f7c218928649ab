CREATE TABLE "reference_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"database_id" uuid DEFAULT gen_random_uuid() NOT NULL
);
--> statement-breakpoint
INSERT INTO "reference_versions" ("name", "version") VALUES ('calendar', 0);--> statement-breakpoint
-- Any write to the reference data moves the version, in the writer's own transaction (lib/calendar/reference-cache.ts).
CREATE FUNCTION "bump_calendar_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "reference_versions" SET "version" = "version" + 1 WHERE "name" = 'calendar';
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "school_years_calendar_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "school_years" FOR EACH STATEMENT EXECUTE FUNCTION "bump_calendar_version"();--> statement-breakpoint
CREATE TRIGGER "holiday_periods_calendar_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "holiday_periods" FOR EACH STATEMENT EXECUTE FUNCTION "bump_calendar_version"();--> statement-breakpoint
CREATE TRIGGER "closures_calendar_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "closures" FOR EACH STATEMENT EXECUTE FUNCTION "bump_calendar_version"();--> statement-breakpoint
CREATE TRIGGER "service_settings_calendar_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service_settings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_calendar_version"();--> statement-breakpoint
CREATE TRIGGER "sites_calendar_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sites" FOR EACH STATEMENT EXECUTE FUNCTION "bump_calendar_version"();--> statement-breakpoint
CREATE TRIGGER "booking_openings_calendar_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "booking_openings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_calendar_version"();
