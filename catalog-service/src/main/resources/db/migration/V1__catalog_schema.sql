-- Schema `catalog`, owned by catalog-service. style_images keeps every seed 001 column, plus status and sha256.

CREATE TABLE styles (
    id            UUID PRIMARY KEY,
    slug          TEXT        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 80),
    name          TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description   TEXT,
    display_order INTEGER     NOT NULL DEFAULT 0,
    -- the seed manifest ("catalog") that created or adopted the style; null for styles made through the API
    seed_catalog  TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_styles_listing ON styles (display_order, slug);

CREATE TABLE style_images (
    id            UUID PRIMARY KEY,
    style_id      UUID        NOT NULL REFERENCES styles (id) ON DELETE CASCADE,
    storage_path  TEXT        NOT NULL UNIQUE,
    filename      TEXT        NOT NULL,
    content_type  TEXT        NOT NULL,
    file_size     BIGINT      NOT NULL CHECK (file_size > 0 AND file_size <= 10485760),
    width         INTEGER,
    height        INTEGER,
    caption       TEXT,
    alt_text      TEXT,
    room_type     TEXT,
    tags          JSONB       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(tags) = 'array'),
    display_order INTEGER     NOT NULL DEFAULT 0,
    source_url    TEXT,
    -- uploading: presigned PUT issued, not confirmed (never served); pending: waiting for its variants; ready
    status        TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('uploading', 'pending', 'ready')),
    sha256        TEXT,
    seed_catalog  TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT check_dimensions CHECK ((width IS NULL AND height IS NULL) OR (width > 0 AND height > 0))
);
CREATE INDEX idx_style_images_style ON style_images (style_id);
CREATE INDEX idx_style_images_room_type ON style_images (style_id, room_type);
CREATE INDEX idx_style_images_tags ON style_images USING GIN (tags);
-- the image listing's order and cursor
CREATE INDEX idx_style_images_listing ON style_images (style_id, display_order, created_at, id);
CREATE INDEX idx_style_images_seed ON style_images (seed_catalog) WHERE seed_catalog IS NOT NULL;

-- Projection of variant.ready / variant.failed for style images (variant-worker owns the variants themselves).
CREATE TABLE style_image_variants (
    id             UUID PRIMARY KEY,
    image_id       UUID        NOT NULL REFERENCES style_images (id) ON DELETE CASCADE,
    variant_type   TEXT        NOT NULL,
    format         TEXT        NOT NULL,
    width          INTEGER,
    height         INTEGER,
    file_size      BIGINT,
    storage_path   TEXT UNIQUE,
    content_type   TEXT,
    status         TEXT        NOT NULL CHECK (status IN ('ready', 'failed')),
    error          TEXT,
    processed_at   TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (image_id, variant_type, format)
);
CREATE INDEX idx_style_image_variants_image ON style_image_variants (image_id);
