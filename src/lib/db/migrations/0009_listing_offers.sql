-- Price and stock of a listing approved at least once live in its offer row (commerce_product, by slug), the one
-- store checkout, the cart and every page read (docs/portal.md). Listings approved before this migration get theirs:
-- the listing's price and stock, on sale if the listing is live (a producer's file of the same slug is taken over).
INSERT INTO "commerce_product" ("product_id", "producer_id", "price", "stock", "listed")
SELECT "slug", "producer_id", "price", "stock", "live" FROM "listing" WHERE "approved_fields" IS NOT NULL
ON CONFLICT ("product_id") DO UPDATE
SET "producer_id" = EXCLUDED."producer_id", "price" = EXCLUDED."price", "stock" = EXCLUDED."stock",
    "listed" = EXCLUDED."listed", "updated_at" = now();
