-- Editable SVG artefacts (floor plans, elevations, sketches): every version is kept whole, with who saved it and
-- why, until the owner's plan drops the oldest. The sanitised SVG of each version is also an object in S3 (under
-- the artefact's prefix) for document-service to render; thumbnails and exports are made there.
CREATE TABLE artefacts (
    id             UUID PRIMARY KEY,
    session_id     UUID         NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    room_id        UUID         REFERENCES rooms (id) ON DELETE CASCADE,
    owner_id       TEXT         NOT NULL,
    kind           TEXT         NOT NULL
        CONSTRAINT check_artefact_kind CHECK (kind IN ('floorplan', 'elevation', 'sketch')),
    title          VARCHAR(200) NOT NULL CONSTRAINT check_artefact_title CHECK (length(title) >= 1),
    latest_version INT          NOT NULL CONSTRAINT check_artefact_latest_version CHECK (latest_version >= 1),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_artefacts_session_listing ON artefacts (session_id, updated_at DESC, id DESC);
CREATE INDEX idx_artefacts_room_listing ON artefacts (room_id, updated_at DESC, id DESC) WHERE room_id IS NOT NULL;

-- One version's facts; its text is in artefact_contents so that listing versions never reads it.
-- owner_id: whose storage the content counts against (a cascade deletes versions after their artefact row).
CREATE TABLE artefact_versions (
    artefact_id      UUID        NOT NULL REFERENCES artefacts (id) ON DELETE CASCADE,
    version          INT         NOT NULL CONSTRAINT check_artefact_version CHECK (version >= 1),
    owner_id         TEXT        NOT NULL,
    author           TEXT        NOT NULL,
    message          VARCHAR(500),
    content_bytes    INT         NOT NULL CONSTRAINT check_artefact_content_bytes CHECK (content_bytes > 0),
    file_size        BIGINT      GENERATED ALWAYS AS (content_bytes) STORED,
    sha256           CHAR(64)    NOT NULL,
    restored_from    INT,
    source_key       TEXT        NOT NULL,
    thumbnail_status TEXT        NOT NULL DEFAULT 'pending'
        CONSTRAINT check_artefact_thumbnail_status CHECK (thumbnail_status IN ('pending', 'ready', 'failed')),
    thumbnail_key    TEXT,
    thumbnail_error  TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (artefact_id, version)
);

-- The sanitised SVG text (up to platform.artefacts.max-content-bytes). Large values are compressed when TOAST
-- stores them; lz4, cheap enough to read back on every GET of a version, where the server is built with it (the
-- postgres images are); a server without it keeps its default, pglz: compressed too, a little slower.
CREATE TABLE artefact_contents (
    artefact_id UUID NOT NULL,
    version     INT  NOT NULL,
    content     TEXT NOT NULL,
    PRIMARY KEY (artefact_id, version),
    FOREIGN KEY (artefact_id, version) REFERENCES artefact_versions (artefact_id, version) ON DELETE CASCADE
);
DO $$
BEGIN
    ALTER TABLE artefact_contents ALTER COLUMN content SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'this PostgreSQL has no lz4: artefact_contents.content is compressed with pglz';
END
$$;

-- An export of one version, made by document-service; the expiry job deletes its object, then the row.
CREATE TABLE artefact_exports (
    id           UUID PRIMARY KEY,
    artefact_id  UUID        NOT NULL REFERENCES artefacts (id) ON DELETE CASCADE,
    version      INT         NOT NULL,
    format       TEXT        NOT NULL CONSTRAINT check_export_format CHECK (format IN ('pdf', 'png', 'svg')),
    width        INT         CONSTRAINT check_export_width CHECK (width IS NULL OR (format = 'png' AND width BETWEEN 1 AND 4096)),
    status       TEXT        NOT NULL DEFAULT 'pending'
        CONSTRAINT check_export_status CHECK (status IN ('pending', 'ready', 'failed')),
    storage_key  TEXT,
    bytes        BIGINT,
    error        TEXT,
    requested_by TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_artefact_exports_expiry ON artefact_exports (expires_at);
CREATE INDEX idx_artefact_exports_artefact ON artefact_exports (artefact_id);

-- The artefact itself is audited like documents (a new version shows as its latest_version changing).
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON artefacts
    FOR EACH ROW EXECUTE FUNCTION audit_row('artefact');

-- The content of every version counts against its owner's storage, by V11's triggers (through file_size, the
-- column they count; owner_id is the artefact's, set by the service).
CREATE TRIGGER usage_added AFTER INSERT ON artefact_versions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION usage_storage_changed();
CREATE TRIGGER usage_removed AFTER DELETE ON artefact_versions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION usage_storage_changed();
