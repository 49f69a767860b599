CREATE TABLE "dossier_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value_ciphertext" text NOT NULL,
	"note_ciphertext" text,
	"source" text NOT NULL,
	"recorded_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_ticket_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"ticket_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"body_ciphertext" text NOT NULL,
	"author_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"customer_id" uuid NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"title_ciphertext" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "support_tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "support_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"customer_id" uuid NOT NULL,
	"technician_id" uuid NOT NULL,
	"status" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_expires_at" timestamp with time zone NOT NULL,
	"handover" text,
	"summary_ciphertext" text,
	"started_at" timestamp with time zone NOT NULL,
	"connected_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "teamviewer_ids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"customer_id" uuid NOT NULL,
	"teamviewer_id_ciphertext" text NOT NULL,
	"lookup_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "teamviewer_ids_subject_lookup_key" UNIQUE("subject_id","lookup_hash")
);
--> statement-breakpoint
ALTER TABLE "dossier_items" ADD CONSTRAINT "dossier_items_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_items" ADD CONSTRAINT "dossier_items_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_ticket_notes" ADD CONSTRAINT "support_ticket_notes_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_ticket_notes" ADD CONSTRAINT "support_ticket_notes_ticket_id_support_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."support_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_sessions" ADD CONSTRAINT "support_sessions_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_sessions" ADD CONSTRAINT "support_sessions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teamviewer_ids" ADD CONSTRAINT "teamviewer_ids_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teamviewer_ids" ADD CONSTRAINT "teamviewer_ids_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_items_retain_until_idx" ON "dossier_items" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "dossier_items_subject_idx" ON "dossier_items" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "dossier_items_customer_idx" ON "dossier_items" USING btree ("customer_id","kind");--> statement-breakpoint
CREATE INDEX "support_ticket_notes_retain_until_idx" ON "support_ticket_notes" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "support_ticket_notes_subject_idx" ON "support_ticket_notes" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "support_ticket_notes_ticket_idx" ON "support_ticket_notes" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "support_tickets_retain_until_idx" ON "support_tickets" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "support_tickets_subject_idx" ON "support_tickets" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "support_tickets_customer_idx" ON "support_tickets" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "support_sessions_retain_until_idx" ON "support_sessions" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "support_sessions_subject_idx" ON "support_sessions" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "support_sessions_customer_idx" ON "support_sessions" USING btree ("customer_id","started_at");--> statement-breakpoint
CREATE INDEX "support_sessions_code_idx" ON "support_sessions" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "teamviewer_ids_retain_until_idx" ON "teamviewer_ids" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "teamviewer_ids_subject_idx" ON "teamviewer_ids" USING btree ("subject_id");