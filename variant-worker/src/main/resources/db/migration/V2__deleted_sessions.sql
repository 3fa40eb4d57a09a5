-- Sessions erased (GDPR) while or before their variants were made: a render that finishes after the erasure
-- must not store anything, even for a source that had no variant row yet when the session was erased.
CREATE TABLE deleted_sessions (
    session_id UUID PRIMARY KEY,
    deleted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
