-- Schema `assets`, owned by asset-service. Columns, constraints and indexes follow seed 001.

CREATE TABLE sessions (
    id         UUID PRIMARY KEY,
    owner_id   TEXT        NOT NULL,
    title      TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_sessions_owner ON sessions (owner_id, created_at DESC, id DESC);

CREATE TABLE rooms (
    id         UUID PRIMARY KEY,
    session_id UUID        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    name       TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    room_type  TEXT        NOT NULL CHECK (char_length(room_type) BETWEEN 1 AND 50),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_rooms_session ON rooms (session_id, created_at, id);

CREATE TABLE room_assets (
    id                UUID PRIMARY KEY,
    session_id        UUID        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    room_id           UUID        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    uploaded_by       TEXT,
    asset_type        TEXT        NOT NULL,
    storage_path      TEXT        NOT NULL UNIQUE,
    source            TEXT        NOT NULL DEFAULT 'user_upload',
    status            TEXT        NOT NULL DEFAULT 'pending',
    original_filename TEXT        NOT NULL,
    content_type      TEXT        NOT NULL,
    file_size         BIGINT      NOT NULL,
    display_order     INTEGER     NOT NULL DEFAULT 0,
    caption           TEXT,
    alt_text          TEXT,
    metadata          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    sha256            TEXT,
    width             INTEGER,
    height            INTEGER,
    failure_reason    TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    confirmed_at      TIMESTAMPTZ,
    CONSTRAINT check_asset_type CHECK (asset_type IN ('photo', 'floorplan', 'render', 'document')),
    CONSTRAINT check_asset_status CHECK (status IN ('pending', 'uploaded', 'processing', 'ready', 'failed')),
    CONSTRAINT check_asset_source CHECK (source IN ('user_upload', 'pinterest', 'ai_generated')),
    -- seed 001 caps at 10 MB; PDFs may be 50 MB (DESIGN.md). The per-type limits are enforced by the service.
    CONSTRAINT check_file_size CHECK (file_size > 0 AND file_size <= 52428800),
    CONSTRAINT check_dimensions CHECK ((width IS NULL AND height IS NULL) OR (width > 0 AND height > 0))
);
CREATE INDEX idx_room_assets_session ON room_assets (session_id);
CREATE INDEX idx_room_assets_room ON room_assets (room_id);
CREATE INDEX idx_room_assets_type ON room_assets (room_id, asset_type);
CREATE INDEX idx_room_assets_status ON room_assets (status) WHERE status IN ('pending', 'processing');
CREATE INDEX idx_room_assets_source ON room_assets (source, asset_type);
CREATE INDEX idx_room_assets_uploaded_by ON room_assets (uploaded_by) WHERE uploaded_by IS NOT NULL;
CREATE INDEX idx_room_assets_pending_cleanup ON room_assets (created_at, status) WHERE status = 'pending';
-- the room listing's order and cursor
CREATE INDEX idx_room_assets_listing ON room_assets (room_id, display_order, created_at, id);

-- Projection of variant.ready / variant.failed (variant-worker owns the variants themselves).
CREATE TABLE asset_variants (
    id                UUID PRIMARY KEY,
    parent_asset_id   UUID        NOT NULL REFERENCES room_assets (id) ON DELETE CASCADE,
    variant_type      TEXT        NOT NULL,
    format            TEXT        NOT NULL,
    storage_path      TEXT UNIQUE,
    content_type      TEXT,
    file_size         BIGINT,
    width             INTEGER,
    height            INTEGER,
    processing_status TEXT        NOT NULL CHECK (processing_status IN ('ready', 'failed')),
    processing_error  TEXT,
    processed_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (parent_asset_id, variant_type, format)
);
CREATE INDEX idx_variants_parent ON asset_variants (parent_asset_id);

CREATE TABLE asset_comparisons (
    id              UUID PRIMARY KEY,
    session_id      UUID        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    room_id         UUID        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    before_asset_id UUID        NOT NULL REFERENCES room_assets (id) ON DELETE CASCADE,
    after_asset_id  UUID        NOT NULL REFERENCES room_assets (id) ON DELETE CASCADE,
    title           TEXT,
    description     TEXT,
    display_order   INTEGER     NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT check_comparison_distinct CHECK (before_asset_id <> after_asset_id)
);
CREATE INDEX idx_comparisons_room ON asset_comparisons (room_id);
