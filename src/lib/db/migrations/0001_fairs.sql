CREATE TABLE "booth_booking" (
	"id" text PRIMARY KEY NOT NULL,
	"fair_id" text NOT NULL,
	"booth_id" text NOT NULL,
	"producer_id" text NOT NULL,
	"status" text NOT NULL,
	"booked_by" text,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"programme_id" text,
	"cost_items" jsonb NOT NULL,
	"total" bigint NOT NULL,
	"subsidy" bigint DEFAULT 0 NOT NULL,
	"producer_pays" bigint NOT NULL,
	"shortfall" bigint DEFAULT 0 NOT NULL,
	"explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"paid_by" text,
	"payment_ref" text,
	"checkout_session_id" text,
	"ended_at" timestamp with time zone,
	"cancellation_fee" bigint,
	"refund" bigint,
	"note" text,
	CONSTRAINT "booth_booking_status_known" CHECK ("booth_booking"."status" in ('held', 'pending', 'approved', 'confirmed', 'cancelled', 'expired', 'refused')),
	CONSTRAINT "booth_booking_amounts" CHECK ("booth_booking"."subsidy" >= 0 and "booth_booking"."producer_pays" >= 0 and "booth_booking"."shortfall" >= 0 and "booth_booking"."subsidy" + "booth_booking"."producer_pays" = "booth_booking"."total")
);
--> statement-breakpoint
CREATE TABLE "booth" (
	"id" text PRIMARY KEY NOT NULL,
	"fair_id" text NOT NULL,
	"code" text NOT NULL,
	"x" integer NOT NULL,
	"y" integer NOT NULL,
	"width" integer NOT NULL,
	"depth" integer NOT NULL,
	"open_sides" integer DEFAULT 1 NOT NULL,
	"type" text NOT NULL,
	"zone" text DEFAULT '' NOT NULL,
	"pricing" text NOT NULL,
	"price" bigint NOT NULL,
	"open_side_premium" bigint DEFAULT 0 NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	CONSTRAINT "booth_geometry" CHECK ("booth"."x" >= 0 and "booth"."y" >= 0 and "booth"."width" > 0 and "booth"."depth" > 0),
	CONSTRAINT "booth_open_sides" CHECK ("booth"."open_sides" between 1 and 4),
	CONSTRAINT "booth_price_nonnegative" CHECK ("booth"."price" >= 0 and "booth"."open_side_premium" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fair" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"province_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"venue" text NOT NULL,
	"city" text NOT NULL,
	"organiser" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"application_deadline" date NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"hold_minutes" integer DEFAULT 30 NOT NULL,
	"hall_width" integer NOT NULL,
	"hall_depth" integer NOT NULL,
	"service_fee" bigint DEFAULT 0 NOT NULL,
	"decoration_fee" bigint DEFAULT 0 NOT NULL,
	"electricity_fee" bigint DEFAULT 0 NOT NULL,
	"cancellation_tiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"programme_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fair_slug_unique" UNIQUE("slug"),
	CONSTRAINT "fair_status_known" CHECK ("fair"."status" in ('draft', 'published', 'cancelled')),
	CONSTRAINT "fair_dates_ordered" CHECK ("fair"."ends_on" >= "fair"."starts_on" and "fair"."application_deadline" <= "fair"."starts_on"),
	CONSTRAINT "fair_hold_minutes" CHECK ("fair"."hold_minutes" between 5 and 1440),
	CONSTRAINT "fair_hall_positive" CHECK ("fair"."hall_width" > 0 and "fair"."hall_depth" > 0),
	CONSTRAINT "fair_fees_nonnegative" CHECK ("fair"."service_fee" >= 0 and "fair"."decoration_fee" >= 0 and "fair"."electricity_fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_fair_usage" (
	"programme_id" text NOT NULL,
	"producer_id" text NOT NULL,
	"fair_id" text NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"cap" bigint,
	CONSTRAINT "subsidy_fair_usage_programme_id_producer_id_fair_id_pk" PRIMARY KEY("programme_id","producer_id","fair_id"),
	CONSTRAINT "subsidy_fair_usage_within_cap" CHECK ("subsidy_fair_usage"."amount" >= 0 and ("subsidy_fair_usage"."cap" is null or "subsidy_fair_usage"."amount" <= "subsidy_fair_usage"."cap"))
);
--> statement-breakpoint
CREATE TABLE "subsidy_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"programme_id" text NOT NULL,
	"producer_id" text NOT NULL,
	"fair_id" text NOT NULL,
	"booking_id" text NOT NULL,
	"entry" text NOT NULL,
	"released_from" text,
	"amount" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_ledger_amount_positive" CHECK ("subsidy_ledger"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_producer_usage" (
	"programme_id" text NOT NULL,
	"producer_id" text NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"fairs" integer DEFAULT 0 NOT NULL,
	"cap" bigint,
	"max_fairs" integer,
	CONSTRAINT "subsidy_producer_usage_programme_id_producer_id_pk" PRIMARY KEY("programme_id","producer_id"),
	CONSTRAINT "subsidy_producer_usage_within_cap" CHECK ("subsidy_producer_usage"."amount" >= 0 and ("subsidy_producer_usage"."cap" is null or "subsidy_producer_usage"."amount" <= "subsidy_producer_usage"."cap")),
	CONSTRAINT "subsidy_producer_usage_fairs" CHECK ("subsidy_producer_usage"."fairs" >= 0 and ("subsidy_producer_usage"."max_fairs" is null or "subsidy_producer_usage"."fairs" <= "subsidy_producer_usage"."max_fairs"))
);
--> statement-breakpoint
CREATE TABLE "subsidy_programme" (
	"id" text PRIMARY KEY NOT NULL,
	"province_id" text NOT NULL,
	"name" text NOT NULL,
	"budget" bigint NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"max_producers" integer,
	"cap_per_producer_per_fair" bigint,
	"cap_per_producer_per_period" bigint,
	"max_fairs_per_producer" integer,
	"rules" jsonb NOT NULL,
	"disadvantaged_communes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"earmarked" bigint DEFAULT 0 NOT NULL,
	"committed" bigint DEFAULT 0 NOT NULL,
	"producers_supported" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_programme_budget_positive" CHECK ("subsidy_programme"."budget" > 0),
	CONSTRAINT "subsidy_programme_pool_nonnegative" CHECK ("subsidy_programme"."earmarked" >= 0 and "subsidy_programme"."committed" >= 0),
	CONSTRAINT "subsidy_programme_pool_within_budget" CHECK ("subsidy_programme"."earmarked" + "subsidy_programme"."committed" <= "subsidy_programme"."budget"),
	CONSTRAINT "subsidy_programme_producers_within_limit" CHECK ("subsidy_programme"."producers_supported" >= 0 and ("subsidy_programme"."max_producers" is null or "subsidy_programme"."producers_supported" <= "subsidy_programme"."max_producers")),
	CONSTRAINT "subsidy_programme_period" CHECK ("subsidy_programme"."period_end" >= "subsidy_programme"."period_start")
);
--> statement-breakpoint
ALTER TABLE "booth_booking" ADD CONSTRAINT "booth_booking_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD CONSTRAINT "booth_booking_booth_id_booth_id_fk" FOREIGN KEY ("booth_id") REFERENCES "public"."booth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD CONSTRAINT "booth_booking_programme_id_subsidy_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."subsidy_programme"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booth" ADD CONSTRAINT "booth_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair" ADD CONSTRAINT "fair_programme_id_subsidy_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."subsidy_programme"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_fair_usage" ADD CONSTRAINT "subsidy_fair_usage_programme_id_subsidy_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."subsidy_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_fair_usage" ADD CONSTRAINT "subsidy_fair_usage_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_ledger" ADD CONSTRAINT "subsidy_ledger_programme_id_subsidy_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."subsidy_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_producer_usage" ADD CONSTRAINT "subsidy_producer_usage_programme_id_subsidy_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."subsidy_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "booth_booking_one_active_idx" ON "booth_booking" USING btree ("booth_id") WHERE "booth_booking"."status" in ('held', 'pending', 'approved', 'confirmed');--> statement-breakpoint
CREATE INDEX "booth_booking_fair_status_idx" ON "booth_booking" USING btree ("fair_id","status");--> statement-breakpoint
CREATE INDEX "booth_booking_producer_idx" ON "booth_booking" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "booth_booking_expiry_idx" ON "booth_booking" USING btree ("expires_at") WHERE "booth_booking"."status" in ('held', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "booth_fair_code_idx" ON "booth" USING btree ("fair_id","code");--> statement-breakpoint
CREATE INDEX "fair_province_idx" ON "fair" USING btree ("province_id");--> statement-breakpoint
CREATE INDEX "fair_status_starts_idx" ON "fair" USING btree ("status","starts_on");--> statement-breakpoint
CREATE INDEX "subsidy_ledger_programme_idx" ON "subsidy_ledger" USING btree ("programme_id","producer_id");--> statement-breakpoint
CREATE INDEX "subsidy_ledger_booking_idx" ON "subsidy_ledger" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "subsidy_programme_province_idx" ON "subsidy_programme" USING btree ("province_id");