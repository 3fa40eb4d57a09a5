-- The catalog projection (catalog_images, V5) applies catalog-service's events in the order of their version,
-- so an older event arriving late (a redelivery, a replay from the dead-letter topic) changes nothing. It also
-- keeps the original's type and size, which a library item of a catalog image shows.
ALTER TABLE catalog_images
    ADD COLUMN version      BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN content_type TEXT,
    ADD COLUMN width        INTEGER,
    ADD COLUMN height       INTEGER,
    ADD CONSTRAINT check_catalog_image_dimensions CHECK ((width IS NULL AND height IS NULL)
        OR (width > 0 AND height > 0));

-- A withdrawn image leaves catalog_images (and, by their cascade, the library items keeping it); the version
-- of its withdrawal stays here, so a published event older than it cannot bring the image back.
CREATE TABLE catalog_image_withdrawals (
    id           UUID PRIMARY KEY,
    version      BIGINT      NOT NULL,
    withdrawn_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
