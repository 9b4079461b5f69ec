CREATE TABLE "card_payment" (
	"payment_intent_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"session_id" text,
	"amount" bigint NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_payment_amount_positive" CHECK ("card_payment"."amount" > 0),
	CONSTRAINT "card_payment_refund_within" CHECK ("card_payment"."refunded" >= 0 and "card_payment"."refunded" <= "card_payment"."amount")
);
--> statement-breakpoint
CREATE TABLE "refund" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"payment_intent_id" text NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"part_id" bigint,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"actor" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"stripe_refund_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refund_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "refund_amount_positive" CHECK ("refund"."amount" > 0),
	CONSTRAINT "refund_status_known" CHECK ("refund"."status" in ('requested', 'pending', 'succeeded', 'failed', 'canceled')),
	CONSTRAINT "refund_reason_known" CHECK ("refund"."reason" in ('part_cancelled', 'order_unfulfillable', 'booth_unavailable', 'booth_cancelled'))
);
--> statement-breakpoint
ALTER TABLE "refund" ADD CONSTRAINT "refund_payment_intent_id_card_payment_payment_intent_id_fk" FOREIGN KEY ("payment_intent_id") REFERENCES "public"."card_payment"("payment_intent_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_payment_reference_idx" ON "card_payment" USING btree ("kind","reference");--> statement-breakpoint
CREATE INDEX "refund_reference_idx" ON "refund" USING btree ("kind","reference");--> statement-breakpoint
CREATE INDEX "refund_open_idx" ON "refund" USING btree ("id") WHERE "refund"."status" = 'requested';