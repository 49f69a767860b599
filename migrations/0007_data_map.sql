CREATE TABLE "export_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"token_hash" text NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"zip_ciphertext" "bytea" NOT NULL,
	"report_ciphertext" "bytea" NOT NULL,
	"pdf_ciphertext" "bytea" NOT NULL,
	"downloaded_at" timestamp with time zone,
	CONSTRAINT "export_packages_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"record_type" text,
	"reason" text NOT NULL,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"released_by" text,
	CONSTRAINT "legal_holds_scope" CHECK ("legal_holds"."subject_id" is not null or "legal_holds"."record_type" is not null)
);
--> statement-breakpoint
CREATE TABLE "processing_restrictions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"purpose" text,
	"except" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"lifted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "retention_anchors" (
	"subject_id" uuid NOT NULL,
	"event" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_anchors_subject_id_event_key_pk" PRIMARY KEY("subject_id","event","key")
);
--> statement-breakpoint
ALTER TABLE "export_packages" ADD CONSTRAINT "export_packages_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_restrictions" ADD CONSTRAINT "processing_restrictions_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_anchors" ADD CONSTRAINT "retention_anchors_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_packages_retain_until_idx" ON "export_packages" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "export_packages_subject_idx" ON "export_packages" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "legal_holds_subject_idx" ON "legal_holds" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "processing_restrictions_subject_idx" ON "processing_restrictions" USING btree ("subject_id");