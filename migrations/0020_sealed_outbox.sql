ALTER TABLE "outbox" ALTER COLUMN "to_address" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "subject" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "text_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "vault_purpose" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "sealed_content" text;--> statement-breakpoint
CREATE INDEX "outbox_subject_idx" ON "outbox" USING btree ("subject_id","vault_purpose");--> statement-breakpoint
-- Held mail (no SMTP) used to be kept forever; it now goes 30 days after it was kept, like sent mail.
UPDATE "outbox" SET "retain_until" = "created_at" + interval '30 days', "retention_reason" = 'mail.held_30d' WHERE "status" = 'held' AND "retain_until" IS NULL;
