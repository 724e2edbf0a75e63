ALTER TABLE "events" ADD COLUMN "hash_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "hash_key_id" text;--> statement-breakpoint
CREATE INDEX "events_legacy" ON "events" USING btree ("org_id","sequence") WHERE hash_version = 1;