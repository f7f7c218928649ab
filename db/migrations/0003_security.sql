CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"address" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_account_address" ON "sessions" USING btree ("account_id","address","created_at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_email_at" ON "sign_in_failures" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_address_at" ON "sign_in_failures" USING btree ("address","at");--> statement-breakpoint
-- Drafts opened by an agent at the desk are marked on_behalf from the start (they used to be marked at validation),
-- and of several open drafts of one child, service and démarche only the newest stays open: then the indexes hold.
UPDATE "requests" SET "on_behalf" = true WHERE "status" = 'draft' AND "created_by" IN (SELECT "id" FROM "accounts" WHERE "role" <> 'parent');--> statement-breakpoint
UPDATE "requests" r SET "status" = 'cancelled' WHERE r."status" = 'draft' AND EXISTS (SELECT 1 FROM "requests" n WHERE n."status" = 'draft' AND n."child_id" = r."child_id" AND n."service" = r."service" AND n."type" = r."type" AND n."on_behalf" = r."on_behalf" AND (NOT r."on_behalf" OR n."created_by" = r."created_by") AND n."id" > r."id");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_one_family_draft" ON "requests" USING btree ("child_id","service","type") WHERE "requests"."status" = 'draft' and not "requests"."on_behalf";--> statement-breakpoint
CREATE UNIQUE INDEX "requests_one_agent_draft" ON "requests" USING btree ("child_id","service","type","created_by") WHERE "requests"."status" = 'draft' and "requests"."on_behalf";--> statement-breakpoint
-- Invitation and reset e-mails queued before links were derived at sending time held the live link: it is removed,
-- and a row still waiting is marked failed (the person asks for a new link; « Renvoyer » would fail the same way).
UPDATE "email_outbox" SET "payload" = "payload" - 'link', "status" = CASE WHEN "status" = 'sent' THEN "status" ELSE 'failed' END, "last_error" = CASE WHEN "status" = 'sent' THEN "last_error" ELSE 'Lien retiré par la mise à jour de sécurité : demandez un nouveau lien.' END WHERE "template" IN ('invitation', 'password-reset') AND "payload"->>'link' IS NOT NULL;
--> statement-breakpoint
-- and the local mailbox forgets the live links it kept
UPDATE "mailbox" SET "html" = regexp_replace("html", '/(activation|reinitialisation)/[A-Za-z0-9_-]{43}', '/\1/lien-masque', 'g'), "text" = regexp_replace("text", '/(activation|reinitialisation)/[A-Za-z0-9_-]{43}', '/\1/lien-masque', 'g') WHERE "html" ~ '/(activation|reinitialisation)/[A-Za-z0-9_-]{43}' OR "text" ~ '/(activation|reinitialisation)/[A-Za-z0-9_-]{43}';
