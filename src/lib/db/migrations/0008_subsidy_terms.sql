ALTER TABLE "booth_booking" ADD COLUMN "vat" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD COLUMN "flow" text DEFAULT 'upfront' NOT NULL;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD COLUMN "queued" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD COLUMN "invoice_number" text;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD COLUMN "invoice_date" date;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD COLUMN "attendance" text;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD COLUMN "repaid" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "booth_booking" ADD COLUMN "clawed_back" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fair" ADD COLUMN "area_class" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "fair" ADD COLUMN "edition" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "fair" ADD COLUMN "vat_mode" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "fair" ADD COLUMN "vat_rate_bp" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subsidy_programme" ADD COLUMN "terms" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "booth_booking_queue_idx" ON "booth_booking" USING btree ("programme_id","submitted_at") WHERE "booth_booking"."queued";--> statement-breakpoint
ALTER TABLE "booth_booking" ADD CONSTRAINT "booth_booking_flow_known" CHECK ("booth_booking"."flow" in ('upfront', 'reimbursement'));--> statement-breakpoint
ALTER TABLE "booth_booking" ADD CONSTRAINT "booth_booking_repayment" CHECK ("booth_booking"."repaid" >= 0 and "booth_booking"."clawed_back" >= 0 and "booth_booking"."repaid" + "booth_booking"."clawed_back" <= "booth_booking"."subsidy");--> statement-breakpoint
ALTER TABLE "fair" ADD CONSTRAINT "fair_area_class_known" CHECK ("fair"."area_class" in ('mountain', 'border', 'island', 'disadvantaged', 'other'));--> statement-breakpoint
ALTER TABLE "fair" ADD CONSTRAINT "fair_edition_positive" CHECK ("fair"."edition" >= 1);--> statement-breakpoint
ALTER TABLE "fair" ADD CONSTRAINT "fair_vat_known" CHECK ("fair"."vat_mode" in ('none', 'excluded', 'included') and "fair"."vat_rate_bp" in (0, 500, 800, 1000));--> statement-breakpoint
-- The demo policy listed two communes no catalogue producer has; the fair's area class replaces that demo list.
UPDATE "subsidy_programme" SET "disadvantaged_communes" = '[]'::jsonb WHERE "disadvantaged_communes" = '["Xã Thạnh Phong", "Xã An Điền"]'::jsonb;
