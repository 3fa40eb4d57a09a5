-- Schema `documents`, owned by document-service. Columns follow seed 001's document_artifacts; the request
-- (title, content) and the rendering state are kept on the row, so a render can be retried from the row alone.

CREATE TABLE document_artifacts (
    id                  UUID PRIMARY KEY,                -- the documentId asset-service chose
    session_id          UUID        NOT NULL,
    room_id             UUID,
    owner_id            TEXT        NOT NULL,
    document_type       TEXT        NOT NULL,
    phase               TEXT,
    title               TEXT        NOT NULL,
    content             JSONB       NOT NULL,
    -- chosen once, when the request is recorded: a retried render overwrites the same object
    storage_path        TEXT        NOT NULL UNIQUE,
    filename            TEXT        NOT NULL,
    content_type        TEXT        NOT NULL DEFAULT 'application/pdf',
    file_size           BIGINT,
    generated_by        TEXT        NOT NULL DEFAULT 'document-service',
    generation_prompt   TEXT,
    template_version    TEXT        NOT NULL,
    page_count          INTEGER,
    metadata            JSONB       NOT NULL DEFAULT '{}'::jsonb,
    version             INTEGER     NOT NULL DEFAULT 1,
    previous_version_id UUID,
    status              TEXT        NOT NULL DEFAULT 'pending',
    error               TEXT,
    attempts            INTEGER     NOT NULL DEFAULT 0,
    lease_until         TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    rendered_at         TIMESTAMPTZ,
    expires_at          TIMESTAMPTZ,
    CONSTRAINT check_document_type
        CHECK (document_type IN ('checklist_pdf', 'plan_pdf', 'estimate_pdf', 'room_report_pdf')),
    CONSTRAINT check_document_status CHECK (status IN ('pending', 'rendering', 'ready', 'failed')),
    CONSTRAINT check_document_version CHECK (version >= 1),
    CONSTRAINT check_document_file_size CHECK (file_size IS NULL OR (file_size > 0 AND file_size <= 52428800))
);
CREATE INDEX idx_documents_session ON document_artifacts (session_id);
CREATE INDEX idx_documents_lineage ON document_artifacts (session_id, room_id, document_type, version);
-- the render queue: rows waiting, or whose renderer's lease ran out
CREATE INDEX idx_documents_to_render ON document_artifacts (created_at) WHERE status IN ('pending', 'rendering');
CREATE INDEX idx_documents_expiry ON document_artifacts (expires_at) WHERE expires_at IS NOT NULL;
