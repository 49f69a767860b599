CREATE TABLE "contact_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_staff_id" uuid NOT NULL,
	"body_ciphertext" text NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_notes" ADD CONSTRAINT "contact_notes_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_notes" ADD CONSTRAINT "contact_notes_request_id_contact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."contact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_notes_retain_until_idx" ON "contact_notes" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "contact_notes_subject_idx" ON "contact_notes" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "contact_notes_request_idx" ON "contact_notes" USING btree ("request_id","created_at");