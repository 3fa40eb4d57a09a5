-- What a document is drawn from, as it was requested (the typed content, normalised): a backup carries it so a
-- restore can ask for the same document again. Rows from before this column have none and are not restored.
ALTER TABLE document_artifacts ADD COLUMN content JSONB;

-- One backup of a session: its manifest and copies of its originals live under backups/{session_id}/{id}/ in
-- the private bucket. The row exists only once every object is written; erasing the session drops the rows.
CREATE TABLE session_backups (
    id           UUID PRIMARY KEY,
    session_id   UUID        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    trigger      TEXT        NOT NULL CHECK (trigger IN ('manual', 'daily')),
    -- the session's last activity the backup covers: the daily job backs up again once there is a later one
    activity_at  TIMESTAMPTZ NOT NULL,
    rooms        INTEGER     NOT NULL CHECK (rooms >= 0),
    assets       INTEGER     NOT NULL CHECK (assets >= 0),
    comparisons  INTEGER     NOT NULL CHECK (comparisons >= 0),
    documents    INTEGER     NOT NULL CHECK (documents >= 0),
    bytes        BIGINT      NOT NULL CHECK (bytes >= 0),
    manifest_key TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- the listing, retention (newest first per session) and the daily job's "newest backup" lookups
CREATE INDEX idx_session_backups_session ON session_backups (session_id, created_at DESC, id DESC);

-- Sessions a daily backup run has claimed, until its lease ends: a row of their own, since touching the
-- session row would count as activity in the audit log and make every backup due again.
CREATE TABLE session_backup_leases (
    session_id   UUID PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    leased_until TIMESTAMPTZ NOT NULL
);
