-- Every catalog.style.changed event of a style takes the next number here, in the transaction that makes the
-- change, so consumers apply a style's events in order. 0: never published (the start-up backfill sends it).
ALTER TABLE styles ADD COLUMN published_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX idx_styles_unpublished ON styles (id) WHERE published_version = 0;
