-- Schema `variants`, owned by variant-worker: one row per (source, variant type, format), seed 001 asset_variants.
CREATE TABLE variants (
    id                UUID PRIMARY KEY,
    source_kind       TEXT        NOT NULL CHECK (source_kind IN ('room_asset', 'style_image')),
    source_id         UUID        NOT NULL,
    session_id        UUID,
    source_bucket     TEXT        NOT NULL,
    source_path       TEXT        NOT NULL,
    source_type       TEXT        NOT NULL,
    variant_type      TEXT        NOT NULL,
    format            TEXT        NOT NULL,
    quality           INTEGER CHECK (quality BETWEEN 1 AND 100),
    storage_path      TEXT UNIQUE,
    content_type      TEXT,
    file_size         BIGINT CHECK (file_size > 0),
    width             INTEGER CHECK (width > 0),
    height            INTEGER CHECK (height > 0),
    processing_status TEXT        NOT NULL CHECK (processing_status IN ('pending', 'processing', 'ready', 'failed')),
    processing_error  TEXT,
    processing_config JSONB,
    processed_at      TIMESTAMPTZ,
    attempts          INTEGER     NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_variant UNIQUE (source_kind, source_id, variant_type, format)
);
CREATE INDEX idx_variants_source ON variants (source_id);
CREATE INDEX idx_variants_session ON variants (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_variants_status ON variants (processing_status);

-- Sources deleted before (or while) their variants were made: a late or redelivered confirm makes nothing.
CREATE TABLE deleted_sources (
    source_id  UUID PRIMARY KEY,
    deleted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
