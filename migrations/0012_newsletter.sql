CREATE TABLE "newsletter_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"markdown" text NOT NULL,
	"topics" jsonb NOT NULL,
	"status" text NOT NULL,
	"scheduled_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "newsletter_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"source" text NOT NULL,
	"source_detail" text,
	"policy_version" text NOT NULL,
	"locale" text NOT NULL,
	"wording" text NOT NULL,
	"ip_ciphertext" text,
	"requested_at" timestamp with time zone,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_via" text
);
--> statement-breakpoint
CREATE TABLE "newsletter_deliveries" (
	"campaign_id" uuid NOT NULL,
	"subscriber_id" uuid,
	"outbox_id" uuid NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "newsletter_deliveries_campaign_subscriber_key" UNIQUE("campaign_id","subscriber_id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"name_ciphertext" text NOT NULL,
	"email_ciphertext" text NOT NULL,
	"ip_ciphertext" text NOT NULL,
	"locale" text NOT NULL,
	"topics" jsonb NOT NULL,
	"wording" jsonb NOT NULL,
	"source" text NOT NULL,
	"policy_version" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "newsletter_signups_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid,
	"retain_until" timestamp with time zone,
	"retention_reason" jsonb NOT NULL,
	"period_id" uuid NOT NULL,
	"name_ciphertext" text NOT NULL,
	"email_ciphertext" text NOT NULL,
	"locale" text NOT NULL,
	"topics" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"undeliverable_at" timestamp with time zone,
	CONSTRAINT "newsletter_subscribers_subject_key" UNIQUE("subject_id")
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "hard_bounce" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletter_consents" ADD CONSTRAINT "newsletter_consents_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_consents" ADD CONSTRAINT "newsletter_consents_subscriber_id_newsletter_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."newsletter_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_campaign_id_newsletter_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."newsletter_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_subscriber_id_newsletter_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."newsletter_subscribers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD CONSTRAINT "newsletter_signups_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscribers" ADD CONSTRAINT "newsletter_subscribers_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "newsletter_consents_retain_until_idx" ON "newsletter_consents" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "newsletter_consents_subject_idx" ON "newsletter_consents" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "newsletter_consents_subscriber_idx" ON "newsletter_consents" USING btree ("subscriber_id","given_at");--> statement-breakpoint
CREATE INDEX "newsletter_deliveries_subscriber_idx" ON "newsletter_deliveries" USING btree ("subscriber_id");--> statement-breakpoint
CREATE INDEX "newsletter_deliveries_outbox_idx" ON "newsletter_deliveries" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "newsletter_signups_retain_until_idx" ON "newsletter_signups" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "newsletter_signups_subject_idx" ON "newsletter_signups" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "newsletter_subscribers_retain_until_idx" ON "newsletter_subscribers" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "newsletter_subscribers_subject_idx" ON "newsletter_subscribers" USING btree ("subject_id");