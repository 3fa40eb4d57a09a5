-- asset-service's projection of the catalog's styles (catalog.style.changed), so metadata.styleApplied can be
-- checked against the catalog. A deleted style stays as a row (deleted = true) so an older event arriving late
-- cannot bring it back; events apply in the order of their version.
CREATE TABLE catalog_styles (
    id         UUID PRIMARY KEY,
    slug       TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    deleted    BOOLEAN     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_catalog_styles_slug ON catalog_styles (slug) WHERE NOT deleted;

-- Contract drafts, and who wrote a document's content (an AI model with its prompt, the platform, an admin).
ALTER TABLE document_artifacts
    DROP CONSTRAINT check_document_type,
    ADD CONSTRAINT check_document_type CHECK (document_type IN ('checklist_pdf', 'plan_pdf', 'estimate_pdf',
        'room_report_pdf', 'contract_draft')),
    ADD COLUMN generated_by      TEXT NOT NULL DEFAULT 'system',
    ADD COLUMN generation_prompt TEXT,
    ADD CONSTRAINT check_document_generated_by CHECK (generated_by IN ('ai', 'system', 'admin')),
    ADD CONSTRAINT check_document_generation_prompt CHECK (generation_prompt IS NULL
        OR (generated_by = 'ai' AND length(generation_prompt) <= 4000));
CREATE INDEX idx_document_session_phase ON document_artifacts (session_id, phase);

-- Listing a session's assets across rooms, newest first.
CREATE INDEX idx_room_assets_session_listing ON room_assets (session_id, created_at DESC, id DESC);

-- The expiry warning of an inactive session: sent once per period of inactivity (the period is named by the
-- last activity it follows). Kept apart from sessions so sending it is no activity of the session.
-- erase_lease_until: a run of the expiry job is erasing the session; no other run takes it before then.
CREATE TABLE session_expiry_warnings (
    session_id        UUID PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    last_activity_at  TIMESTAMPTZ NOT NULL,
    warned_at         TIMESTAMPTZ NOT NULL,
    erase_lease_until TIMESTAMPTZ
);
