CREATE TABLE "breach_subjects" (
	"breach_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"notice_queued_at" timestamp with time zone,
	CONSTRAINT "breach_subjects_breach_id_subject_id_pk" PRIMARY KEY("breach_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "breaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"contact_request_id" uuid,
	"title" text NOT NULL,
	"nature" text DEFAULT '' NOT NULL,
	"discovered_at" timestamp with time zone,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approx_people" integer,
	"approx_records" integer,
	"consequences" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"high_risk" boolean DEFAULT false NOT NULL,
	"authority_notified_at" timestamp with time zone,
	"authority_reference" text,
	"authority_reasoning" text DEFAULT '' NOT NULL,
	"people_notified_at" timestamp with time zone,
	"people_reasoning" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "disclosure_subjects" (
	"disclosure_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	CONSTRAINT "disclosure_subjects_disclosure_id_subject_id_pk" PRIMARY KEY("disclosure_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"disclosed_on" date NOT NULL,
	"authority" text NOT NULL,
	"legal_basis" text NOT NULL,
	"authority_reference" text NOT NULL,
	"data_given" text NOT NULL,
	"subject_may_be_told" boolean NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processor_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"processor_name" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"sealed" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_reminders" (
	"kind" text NOT NULL,
	"item" text NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "register_reminders_kind_item_stage_pk" PRIMARY KEY("kind","item","stage")
);
--> statement-breakpoint
ALTER TABLE "breach_subjects" ADD CONSTRAINT "breach_subjects_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_subjects" ADD CONSTRAINT "disclosure_subjects_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breach_subjects_subject_idx" ON "breach_subjects" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "breaches_reference_idx" ON "breaches" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "breaches_status_idx" ON "breaches" USING btree ("status","discovered_at");--> statement-breakpoint
CREATE INDEX "disclosure_subjects_subject_idx" ON "disclosure_subjects" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosures_reference_idx" ON "disclosures" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "disclosures_on_idx" ON "disclosures" USING btree ("disclosed_on");--> statement-breakpoint
CREATE INDEX "processor_contracts_name_idx" ON "processor_contracts" USING btree ("processor_name","uploaded_at");