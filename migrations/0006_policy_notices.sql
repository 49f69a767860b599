CREATE TABLE "policy_notices" (
	"content_hash" text PRIMARY KEY NOT NULL,
	"subject" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "policy_notices" ADD CONSTRAINT "policy_notices_content_hash_policy_versions_content_hash_fk" FOREIGN KEY ("content_hash") REFERENCES "public"."policy_versions"("content_hash") ON DELETE no action ON UPDATE no action;