CREATE TABLE "certification_result" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"outcome" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_number" text,
	"score" real,
	"level" text,
	"reason" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_result_outcome" CHECK (("certification_result"."outcome" = 'recognised' and "certification_result"."decision_number" is not null and "certification_result"."score" between 90 and 100 and "certification_result"."level" = 'national' and "certification_result"."reason" is null)
        or ("certification_result"."outcome" = 'not-recognised' and "certification_result"."reason" is not null and "certification_result"."score" is null))
);
--> statement-breakpoint
CREATE INDEX "certification_result_product_idx" ON "certification_result" USING btree ("product_id","id");