-- The SHA-256 a client may declare when it asks to upload (bound into the presigned PUT, checked at confirm).
ALTER TABLE room_assets ADD COLUMN declared_sha256 CHAR(64);

-- Prefixes to delete from S3 again once every upload URL that could still write under them has expired:
-- a presigned PUT stays valid after its asset is confirmed, refused or erased, so one late PUT could
-- otherwise leave an object without a row (an erased session's photo, for instance).
CREATE TABLE storage_sweeps (
    id       UUID PRIMARY KEY,
    bucket   TEXT        NOT NULL,
    prefix   TEXT        NOT NULL CHECK (prefix <> ''),
    due_at   TIMESTAMPTZ NOT NULL,
    attempts INT         NOT NULL DEFAULT 0
);
CREATE INDEX storage_sweeps_due ON storage_sweeps (due_at);
