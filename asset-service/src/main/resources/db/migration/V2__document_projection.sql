-- asset-service's projection of generated documents: the request as asset-service accepted it (it decides
-- the version), then what document.ready / document.failed said. document-service owns the PDFs themselves.
CREATE TABLE document_artifacts (
    id                  UUID PRIMARY KEY,
    session_id          UUID        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    room_id             UUID        REFERENCES rooms (id) ON DELETE CASCADE,
    document_type       TEXT        NOT NULL,
    phase               TEXT,
    title               TEXT        NOT NULL,
    version             INTEGER     NOT NULL,
    previous_version_id UUID        REFERENCES document_artifacts (id) ON DELETE SET NULL,
    status              TEXT        NOT NULL DEFAULT 'pending',
    error               TEXT,
    bucket              TEXT,
    storage_path        TEXT,
    file_size           BIGINT,
    page_count          INTEGER,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at          TIMESTAMPTZ,
    CONSTRAINT check_document_type
        CHECK (document_type IN ('checklist_pdf', 'plan_pdf', 'estimate_pdf', 'room_report_pdf')),
    CONSTRAINT check_document_status CHECK (status IN ('pending', 'ready', 'failed')),
    CONSTRAINT check_document_version CHECK (version >= 1)
);
-- one version number per lineage (session, room or none, type): the backstop of the request-time lock
CREATE UNIQUE INDEX uq_document_lineage_version ON document_artifacts
    (session_id, coalesce(room_id, '00000000-0000-0000-0000-000000000000'::uuid), document_type, version);
CREATE INDEX idx_document_session_listing ON document_artifacts (session_id, created_at DESC, id DESC);
CREATE INDEX idx_document_expiry ON document_artifacts (expires_at) WHERE expires_at IS NOT NULL;
