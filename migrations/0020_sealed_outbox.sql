ALTER TABLE "outbox" ALTER COLUMN "to_address" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "subject" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "text_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "vault_purpose" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "sealed_content" text;--> statement-breakpoint
CREATE INDEX "outbox_subject_idx" ON "outbox" USING btree ("subject_id","vault_purpose");--> statement-breakpoint
CREATE INDEX "data_keys_shredded_at_idx" ON "data_keys" USING btree ("shredded_at");--> statement-breakpoint
-- Mail queued before this migration keeps its plain columns (no subject_id, so erasure cannot
-- find it); it is sent within seconds, or held: held mail used to be kept forever, and now goes
-- 30 days after it was kept, like sent mail.
UPDATE "outbox" SET "retain_until" = "created_at" + interval '30 days', "retention_reason" = 'mail.held_30d' WHERE "status" = 'held' AND "retain_until" IS NULL;
