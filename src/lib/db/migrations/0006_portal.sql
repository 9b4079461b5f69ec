CREATE TABLE "listing_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"listing_id" uuid NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"changes" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "listing_log_action" CHECK ("listing_log"."action" in ('create', 'edit', 'submit', 'withdraw', 'unpublish', 'approve', 'reject', 'accept', 'decline')),
	CONSTRAINT "listing_log_to_state" CHECK ("listing_log"."to_state" in ('draft', 'pending', 'published', 'rejected', 'withdrawn', 'awaiting-producer')),
	CONSTRAINT "listing_log_reject_reason" CHECK ("listing_log"."action" <> 'reject' or "listing_log"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "listing_photo" (
	"id" uuid PRIMARY KEY NOT NULL,
	"producer_id" text NOT NULL,
	"listing_id" uuid,
	"position" smallint,
	"keys" jsonb NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "listing_photo_position_range" CHECK ("listing_photo"."position" is null or "listing_photo"."position" between 0 and 7),
	CONSTRAINT "listing_photo_position_listed" CHECK ("listing_photo"."position" is null or "listing_photo"."listing_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "listing" (
	"id" uuid PRIMARY KEY NOT NULL,
	"producer_id" text NOT NULL,
	"province_id" text NOT NULL,
	"slug" text NOT NULL,
	"state" text NOT NULL,
	"live" boolean DEFAULT false NOT NULL,
	"approved_fields" jsonb,
	"working_fields" jsonb NOT NULL,
	"price" integer NOT NULL,
	"stock" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "listing_state" CHECK ("listing"."state" in ('draft', 'pending', 'published', 'rejected', 'withdrawn', 'awaiting-producer')),
	CONSTRAINT "listing_price_positive" CHECK ("listing"."price" > 0),
	CONSTRAINT "listing_stock_not_negative" CHECK ("listing"."stock" >= 0),
	CONSTRAINT "listing_version_positive" CHECK ("listing"."version" > 0),
	CONSTRAINT "listing_live_approved" CHECK (not "listing"."live" or "listing"."approved_fields" is not null)
);
--> statement-breakpoint
ALTER TABLE "listing_log" ADD CONSTRAINT "listing_log_listing_id_listing_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listing"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photo" ADD CONSTRAINT "listing_photo_listing_id_listing_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listing"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_log_listing_idx" ON "listing_log" USING btree ("listing_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "listing_photo_position_unique" ON "listing_photo" USING btree ("listing_id","position");--> statement-breakpoint
CREATE INDEX "listing_photo_producer_idx" ON "listing_photo" USING btree ("producer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "listing_slug_unique" ON "listing" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "listing_producer_idx" ON "listing" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "listing_province_state_idx" ON "listing" USING btree ("province_id","state");