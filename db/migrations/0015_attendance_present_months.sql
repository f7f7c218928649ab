CREATE TABLE "attendance_present_months" (
	"month" date NOT NULL,
	"site_id" integer NOT NULL,
	"service" "service_kind" NOT NULL,
	"slot" "attendance_slot" NOT NULL,
	"child_id" integer NOT NULL,
	"present" integer NOT NULL,
	CONSTRAINT "attendance_present_months_month_site_id_service_slot_child_id_pk" PRIMARY KEY("month","site_id","service","slot","child_id"),
	CONSTRAINT "attendance_present_months_positive" CHECK ("attendance_present_months"."present" > 0)
);
--> statement-breakpoint
-- The marks already tapped, counted once.
INSERT INTO "attendance_present_months" ("month", "site_id", "service", "slot", "child_id", "present")
SELECT date_trunc('month', "date")::date, "site_id", "service", "slot", "child_id", count(*)::int
FROM "attendance_marks" WHERE "status" = 'present'
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
-- Any write to the marks moves the counts in the writer's own statement: the marks that became present count +1, the
-- ones that stop being present (or go) count -1, summed per key; a key already counted is updated, or removed when its
-- count falls to 0, a new key is inserted (a new key's count below 1 breaks the check: the counts and the marks
-- disagreed). One statement whatever the number of marks. The transition tables' names depend on the event, hence the statement built per event.
CREATE FUNCTION "attendance_present_months_apply"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT "date", "site_id", "service", "slot", "child_id", "status", 1 AS n FROM new_marks'
    WHEN 'DELETE' THEN 'SELECT "date", "site_id", "service", "slot", "child_id", "status", -1 AS n FROM old_marks'
    ELSE 'SELECT "date", "site_id", "service", "slot", "child_id", "status", 1 AS n FROM new_marks
          UNION ALL SELECT "date", "site_id", "service", "slot", "child_id", "status", -1 FROM old_marks'
  END;
BEGIN
  EXECUTE format($q$
    WITH d AS (
      SELECT date_trunc('month', x."date")::date AS "month", x."site_id", x."service", x."slot", x."child_id",
             sum(x.n)::int AS n
      FROM (%s) x
      WHERE x."status" = 'present'
      GROUP BY 1, 2, 3, 4, 5
      HAVING sum(x.n) <> 0
    ), kept AS (
      UPDATE "attendance_present_months" p SET "present" = p."present" + d.n FROM d
      WHERE p."month" = d."month" AND p."site_id" = d."site_id" AND p."service" = d."service" AND p."slot" = d."slot"
        AND p."child_id" = d."child_id" AND p."present" + d.n <> 0
      RETURNING p."month", p."site_id", p."service", p."slot", p."child_id"
    ), gone AS (
      DELETE FROM "attendance_present_months" p USING d
      WHERE p."month" = d."month" AND p."site_id" = d."site_id" AND p."service" = d."service" AND p."slot" = d."slot"
        AND p."child_id" = d."child_id" AND p."present" + d.n = 0
      RETURNING p."month", p."site_id", p."service", p."slot", p."child_id"
    ), touched AS (
      SELECT * FROM kept UNION ALL SELECT * FROM gone
    )
    INSERT INTO "attendance_present_months" ("month", "site_id", "service", "slot", "child_id", "present")
    SELECT d."month", d."site_id", d."service", d."slot", d."child_id", d.n FROM d
    WHERE NOT EXISTS (
      SELECT 1 FROM touched t WHERE t."month" = d."month" AND t."site_id" = d."site_id" AND t."service" = d."service"
        AND t."slot" = d."slot" AND t."child_id" = d."child_id")
    -- a key another transaction added meanwhile (READ COMMITTED): added to
    ON CONFLICT ("month", "site_id", "service", "slot", "child_id")
    DO UPDATE SET "present" = "attendance_present_months"."present" + excluded."present"
  $q$, changed);
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE FUNCTION "attendance_present_months_clear"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE "attendance_present_months";
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER "attendance_marks_present_insert" AFTER INSERT ON "attendance_marks" REFERENCING NEW TABLE AS new_marks FOR EACH STATEMENT EXECUTE FUNCTION "attendance_present_months_apply"();--> statement-breakpoint
CREATE TRIGGER "attendance_marks_present_update" AFTER UPDATE ON "attendance_marks" REFERENCING OLD TABLE AS old_marks NEW TABLE AS new_marks FOR EACH STATEMENT EXECUTE FUNCTION "attendance_present_months_apply"();--> statement-breakpoint
CREATE TRIGGER "attendance_marks_present_delete" AFTER DELETE ON "attendance_marks" REFERENCING OLD TABLE AS old_marks FOR EACH STATEMENT EXECUTE FUNCTION "attendance_present_months_apply"();--> statement-breakpoint
CREATE TRIGGER "attendance_marks_present_truncate" AFTER TRUNCATE ON "attendance_marks" FOR EACH STATEMENT EXECUTE FUNCTION "attendance_present_months_clear"();
