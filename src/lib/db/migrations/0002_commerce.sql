CREATE TABLE "commerce_product" (
	"product_id" text PRIMARY KEY NOT NULL,
	"producer_id" text NOT NULL,
	"price" integer NOT NULL,
	"stock" integer NOT NULL,
	"listed" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commerce_product_price_nonnegative" CHECK ("commerce_product"."price" >= 0),
	CONSTRAINT "commerce_product_stock_nonnegative" CHECK ("commerce_product"."stock" >= 0)
);
--> statement-breakpoint
CREATE TABLE "order_line" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"part_id" bigint NOT NULL,
	"product_id" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"image_path" text,
	"unit_price" integer NOT NULL,
	"quantity" integer NOT NULL,
	"line_total" bigint NOT NULL,
	CONSTRAINT "order_line_quantity_positive" CHECK ("order_line"."quantity" > 0),
	CONSTRAINT "order_line_price_nonnegative" CHECK ("order_line"."unit_price" >= 0),
	CONSTRAINT "order_line_total" CHECK ("order_line"."line_total" = "order_line"."unit_price"::bigint * "order_line"."quantity")
);
--> statement-breakpoint
CREATE TABLE "order_part" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"producer_id" text NOT NULL,
	"producer_name" text NOT NULL,
	"status" text NOT NULL,
	"subtotal" bigint NOT NULL,
	"shipping" bigint NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_part_one_per_producer" UNIQUE("order_id","producer_id"),
	CONSTRAINT "order_part_status_known" CHECK ("order_part"."status" in ('awaiting_payment', 'placed', 'processing', 'shipped', 'delivered', 'cancelled', 'voided')),
	CONSTRAINT "order_part_amounts" CHECK ("order_part"."subtotal" >= 0 and "order_part"."shipping" >= 0),
	CONSTRAINT "order_part_shipped_tracked" CHECK ("order_part"."status" not in ('shipped', 'delivered') or ("order_part"."carrier" is not null and "order_part"."tracking_number" is not null)),
	CONSTRAINT "order_part_cancel_reason" CHECK ("order_part"."status" <> 'cancelled' or "order_part"."cancel_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "order_status_change" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"part_id" bigint,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shop_order" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"attempt_id" text NOT NULL,
	"access_key" text NOT NULL,
	"customer_id" text,
	"email" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone" text NOT NULL,
	"province" text NOT NULL,
	"commune" text NOT NULL,
	"street" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"locale" text NOT NULL,
	"payment_method" text NOT NULL,
	"payment_status" text NOT NULL,
	"subtotal" bigint NOT NULL,
	"shipping" bigint NOT NULL,
	"total" bigint NOT NULL,
	"currency" text DEFAULT 'VND' NOT NULL,
	"stripe_session_id" text,
	"stripe_payment_intent_id" text,
	"reserved_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_order_number_unique" UNIQUE("number"),
	CONSTRAINT "shop_order_attempt_id_unique" UNIQUE("attempt_id"),
	CONSTRAINT "shop_order_stripe_session_id_unique" UNIQUE("stripe_session_id"),
	CONSTRAINT "shop_order_payment_status_known" CHECK ("shop_order"."payment_status" in ('awaiting_payment', 'payment_processing', 'paid', 'failed', 'expired', 'cash_on_delivery')),
	CONSTRAINT "shop_order_payment_method_known" CHECK ("shop_order"."payment_method" in ('card', 'cod')),
	CONSTRAINT "shop_order_cod_status" CHECK (("shop_order"."payment_method" = 'cod') = ("shop_order"."payment_status" = 'cash_on_delivery')),
	CONSTRAINT "shop_order_amounts" CHECK ("shop_order"."subtotal" >= 0 and "shop_order"."shipping" >= 0 and "shop_order"."total" = "shop_order"."subtotal" + "shop_order"."shipping")
);
--> statement-breakpoint
CREATE TABLE "stripe_event" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"kind" text,
	"reference" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_order_id_shop_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."shop_order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_part_id_order_part_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."order_part"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_part" ADD CONSTRAINT "order_part_order_id_shop_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."shop_order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_status_change" ADD CONSTRAINT "order_status_change_order_id_shop_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."shop_order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_status_change" ADD CONSTRAINT "order_status_change_part_id_order_part_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."order_part"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_order" ADD CONSTRAINT "shop_order_customer_id_user_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commerce_product_producer_idx" ON "commerce_product" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "order_line_order_idx" ON "order_line" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_line_part_idx" ON "order_line" USING btree ("part_id");--> statement-breakpoint
CREATE INDEX "order_part_producer_idx" ON "order_part" USING btree ("producer_id","created_at");--> statement-breakpoint
CREATE INDEX "order_status_change_order_idx" ON "order_status_change" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "shop_order_customer_idx" ON "shop_order" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "shop_order_email_idx" ON "shop_order" USING btree ("email");--> statement-breakpoint
CREATE INDEX "shop_order_open_reservation_idx" ON "shop_order" USING btree ("reserved_until") WHERE "shop_order"."payment_status" in ('awaiting_payment', 'payment_processing');