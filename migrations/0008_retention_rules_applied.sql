CREATE TABLE "retention_rules_applied" (
	"record_type" text PRIMARY KEY NOT NULL,
	"rule_hash" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL
);
