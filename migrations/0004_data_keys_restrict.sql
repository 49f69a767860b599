ALTER TABLE "data_keys" DROP CONSTRAINT "data_keys_subject_id_subjects_id_fk";
--> statement-breakpoint
ALTER TABLE "data_keys" ADD CONSTRAINT "data_keys_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;