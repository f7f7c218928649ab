CREATE TYPE "public"."locale" AS ENUM('fr', 'en', 'ar');--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "locale" "locale";