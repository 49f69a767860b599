CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"consent_id" uuid NOT NULL,
	"action" text NOT NULL,
	"choices" jsonb NOT NULL,
	"inventory_version" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"page" text,
	"ip_prefix" text,
	"browser_family" text
);
--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_retain_until_idx" ON "consent_records" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "consent_records_subject_idx" ON "consent_records" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "consent_records_consent_idx" ON "consent_records" USING btree ("consent_id","decided_at");