CREATE TABLE "throttle_counter" (
	"name" text NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	CONSTRAINT "throttle_counter_name_key_pk" PRIMARY KEY("name","key"),
	CONSTRAINT "throttle_counter_count_check" CHECK ("throttle_counter"."count" >= 0)
);
--> statement-breakpoint
DROP TABLE "sign_in_failure" CASCADE;--> statement-breakpoint
CREATE INDEX "throttle_counter_window_idx" ON "throttle_counter" USING btree ("window_start");