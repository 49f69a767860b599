CREATE TABLE "rights_id_copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"request_id" uuid NOT NULL,
	"file_ciphertext" "bytea" NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"locale" text NOT NULL,
	"rights" jsonb NOT NULL,
	"email_ciphertext" text,
	"phone_ciphertext" text,
	"customer_number_ciphertext" text,
	"vat_ciphertext" text,
	"description_ciphertext" text,
	"recipient_ciphertext" text,
	"id_copy_required" boolean NOT NULL,
	"confirm_token_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"extended_until" timestamp with time zone,
	"extension_reason" text,
	"verified_at" timestamp with time zone,
	"verification" text,
	"verified_by" uuid,
	"refusal_reason" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"outcome" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"letter_ciphertext" text,
	"linked_subject_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"entered_by" uuid,
	"reminders_sent" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rights_requests_reference_unique" UNIQUE("reference"),
	CONSTRAINT "rights_requests_confirm_token_hash_unique" UNIQUE("confirm_token_hash")
);
--> statement-breakpoint
ALTER TABLE "rights_id_copies" ADD CONSTRAINT "rights_id_copies_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_id_copies" ADD CONSTRAINT "rights_id_copies_request_id_rights_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."rights_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_requests" ADD CONSTRAINT "rights_requests_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rights_id_copies_retain_until_idx" ON "rights_id_copies" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "rights_id_copies_subject_idx" ON "rights_id_copies" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "rights_id_copies_request_idx" ON "rights_id_copies" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "rights_requests_retain_until_idx" ON "rights_requests" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "rights_requests_subject_idx" ON "rights_requests" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "rights_requests_deadline_idx" ON "rights_requests" USING btree ("status","deadline_at");