CREATE TABLE "contact_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"request_id" uuid NOT NULL,
	"file_name_ciphertext" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content_ciphertext" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"locale" text NOT NULL,
	"name_ciphertext" text NOT NULL,
	"email_ciphertext" text NOT NULL,
	"phone_ciphertext" text,
	"ip_ciphertext" text NOT NULL,
	"topic_ciphertext" text NOT NULL,
	"message_ciphertext" text NOT NULL,
	"channel" text NOT NULL,
	"assigned_to" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone,
	CONSTRAINT "contact_requests_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "contact_attachments" ADD CONSTRAINT "contact_attachments_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_attachments" ADD CONSTRAINT "contact_attachments_request_id_contact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."contact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_attachments_retain_until_idx" ON "contact_attachments" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "contact_attachments_subject_idx" ON "contact_attachments" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "contact_attachments_request_idx" ON "contact_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "contact_requests_retain_until_idx" ON "contact_requests" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "contact_requests_subject_idx" ON "contact_requests" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "contact_requests_status_idx" ON "contact_requests" USING btree ("status","created_at");