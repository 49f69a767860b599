CREATE TABLE "policy_versions" (
	"content_hash" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"effective_date" text NOT NULL,
	"changelog" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"activated_by" text
);
--> statement-breakpoint
CREATE INDEX "policy_versions_activated_idx" ON "policy_versions" USING btree ("activated_at");