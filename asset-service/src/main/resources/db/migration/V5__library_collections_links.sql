-- What users do with media after upload (seeds 002 and 003): a short-lived workspace, a permanent library,
-- collections (moodboards) and share/download links.

-- The workspace: generated images (AI renders, typically) a user has not decided to keep yet. They are ordinary
-- assets, in one session and room per user that never appear in the session listing, so upload, confirm,
-- variants, live events and erasure work for them unchanged. An unsaved one expires 7 days after creation.
ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'project'
    CONSTRAINT check_session_kind CHECK (kind IN ('project', 'workspace'));
CREATE UNIQUE INDEX uq_sessions_one_workspace ON sessions (owner_id) WHERE kind = 'workspace';
DROP INDEX idx_sessions_owner;
CREATE INDEX idx_sessions_owner ON sessions (owner_id, created_at DESC, id DESC) WHERE kind = 'project';

ALTER TABLE room_assets ADD COLUMN expires_at TIMESTAMPTZ;
CREATE INDEX idx_room_assets_expiry ON room_assets (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX idx_room_assets_workspace_listing ON room_assets (room_id, created_at DESC, id DESC)
    WHERE expires_at IS NOT NULL;

-- The public catalog's images as asset-service knows them (a projection of catalog-service's events), so a
-- user can keep one in the library. catalog-service owns the images; this holds only what serving one needs.
CREATE TABLE catalog_images (
    id          UUID PRIMARY KEY,
    style_slug  TEXT        NOT NULL,
    title       TEXT,
    alt_text    TEXT,
    bucket      TEXT        NOT NULL,
    variants    JSONB       NOT NULL DEFAULT '[]'::jsonb,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The permanent library: one row per thing a user kept, either one of their assets or a public catalog image.
CREATE TABLE library_items (
    id             UUID PRIMARY KEY,
    owner_id       TEXT        NOT NULL,
    asset_id       UUID REFERENCES room_assets (id) ON DELETE CASCADE,
    style_image_id UUID REFERENCES catalog_images (id) ON DELETE CASCADE,
    custom_title   TEXT CHECK (char_length(custom_title) <= 200),
    tags           TEXT[]      NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
    favourite      BOOLEAN     NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT check_library_item_target CHECK ((asset_id IS NULL) <> (style_image_id IS NULL))
);
-- saving twice finds the first item (the backstop of the service's idempotent save)
CREATE UNIQUE INDEX uq_library_item_asset ON library_items (owner_id, asset_id) WHERE asset_id IS NOT NULL;
CREATE UNIQUE INDEX uq_library_item_style_image ON library_items (owner_id, style_image_id)
    WHERE style_image_id IS NOT NULL;
CREATE INDEX idx_library_items_listing ON library_items (owner_id, created_at DESC, id DESC);
CREATE INDEX idx_library_items_tags ON library_items USING gin (tags);
CREATE INDEX idx_library_items_asset ON library_items (asset_id) WHERE asset_id IS NOT NULL;

-- Collections (moodboards) of library items. The slug is the public address of an unlisted or public one, so
-- it carries enough randomness that an unlisted collection cannot be found by guessing.
CREATE TABLE collections (
    id            UUID PRIMARY KEY,
    owner_id      TEXT        NOT NULL,
    slug          TEXT        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{8,120}$'),
    name          TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description   TEXT CHECK (char_length(description) <= 2000),
    visibility    TEXT        NOT NULL DEFAULT 'private'
        CONSTRAINT check_collection_visibility CHECK (visibility IN ('private', 'unlisted', 'public')),
    tags          TEXT[]      NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
    cover_item_id UUID REFERENCES library_items (id) ON DELETE SET NULL,
    item_count    INTEGER     NOT NULL DEFAULT 0 CHECK (item_count >= 0),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_collections_owner ON collections (owner_id, created_at DESC, id DESC);
CREATE INDEX idx_collections_public ON collections (created_at DESC, id DESC) WHERE visibility = 'public';
CREATE INDEX idx_collections_tags ON collections USING gin (tags) WHERE visibility = 'public';

CREATE TABLE collection_items (
    collection_id   UUID        NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    library_item_id UUID        NOT NULL REFERENCES library_items (id) ON DELETE CASCADE,
    position        INTEGER     NOT NULL,
    added_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (collection_id, library_item_id)
);
CREATE INDEX idx_collection_items_order ON collection_items (collection_id, position, library_item_id);
CREATE INDEX idx_collection_items_item ON collection_items (library_item_id);

-- itemCount is exact whatever removes an item: the API, a library item's deletion, an asset's or session's
-- erasure (cascades). Concurrent adds to one collection queue on its row's lock, so none is lost.
CREATE FUNCTION count_collection_items() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE collections SET item_count = item_count + 1 WHERE id = NEW.collection_id;
    ELSE
        UPDATE collections SET item_count = item_count - 1 WHERE id = OLD.collection_id;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER collection_items_counted AFTER INSERT OR DELETE ON collection_items
    FOR EACH ROW EXECUTE FUNCTION count_collection_items();

-- Share and download links. Only the token's SHA-256 is stored: a leaked table opens nothing.
CREATE TABLE links (
    id               UUID PRIMARY KEY,
    owner_id         TEXT        NOT NULL,
    kind             TEXT        NOT NULL CONSTRAINT check_link_kind CHECK (kind IN ('single', 'zip', 'share')),
    token_hash       BYTEA       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    -- a collection's link dies with it: the row stays (410, not 404) with the collection gone
    collection_id    UUID REFERENCES collections (id) ON DELETE SET NULL,
    -- how many assets the link named (1 for a collection's link): fewer left in link_assets means one is gone
    target_count     INTEGER     NOT NULL CHECK (target_count >= 1),
    max_downloads    INTEGER     NOT NULL CHECK (max_downloads >= 1),
    downloads        INTEGER     NOT NULL DEFAULT 0 CHECK (downloads >= 0 AND downloads <= max_downloads),
    expires_at       TIMESTAMPTZ NOT NULL,
    revoked_at       TIMESTAMPTZ,
    last_accessed_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_links_owner ON links (owner_id, created_at DESC, id DESC);
CREATE INDEX idx_links_expiry ON links (expires_at);

-- The assets a link names, in order. An asset's deletion removes its row here, so a link whose targets are no
-- longer all there (fewer rows than target_count) answers 410.
CREATE TABLE link_assets (
    link_id  UUID    NOT NULL REFERENCES links (id) ON DELETE CASCADE,
    asset_id UUID    NOT NULL REFERENCES room_assets (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (link_id, asset_id)
);
CREATE INDEX idx_link_assets_asset ON link_assets (asset_id);
