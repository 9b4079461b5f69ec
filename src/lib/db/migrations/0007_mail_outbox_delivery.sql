DROP INDEX "outbox_unsent_idx";--> statement-breakpoint
ALTER TABLE "outbox_message" ADD COLUMN "html" text;--> statement-breakpoint
ALTER TABLE "outbox_message" ADD COLUMN "state" text DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_message" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_message" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_message" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_message" ADD COLUMN "last_error" text;--> statement-breakpoint
UPDATE "outbox_message" SET "state" = 'sent' WHERE "sent_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "locale" text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_message" USING btree ("next_attempt_at") WHERE "outbox_message"."state" in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_failed_idx" ON "outbox_message" USING btree ("created_at") WHERE "outbox_message"."state" = 'failed';--> statement-breakpoint
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_state_known" CHECK ("outbox_message"."state" in ('queued', 'sending', 'sent', 'failed'));--> statement-breakpoint
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_sent_at" CHECK (("outbox_message"."state" = 'sent') = ("outbox_message"."sent_at" is not null));--> statement-breakpoint
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_attempts" CHECK ("outbox_message"."attempts" >= 0);--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_locale_known" CHECK ("user"."locale" in ('vi', 'en'));