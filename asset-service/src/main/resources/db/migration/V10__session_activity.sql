-- When a session last changed: the audit log already records every change of its rows (rooms, assets,
-- comparisons, documents, the session itself) with its session id, so the answer costs no trigger and no lock
-- on the session row. Rows older than the audit retention are gone; the session's own updated_at is the floor.
-- The one home of "activity" for the daily backups (changed since the last one) and the inactivity expiry.
CREATE INDEX idx_audit_session_at ON audit_log (session_id, at DESC) WHERE session_id IS NOT NULL;
-- the new index serves every lookup by session the old one did (erasure's scrub included)
DROP INDEX idx_audit_session;

CREATE FUNCTION session_last_activity(session UUID, floor TIMESTAMPTZ) RETURNS TIMESTAMPTZ AS $$
    SELECT greatest(floor, (SELECT max(at) FROM audit_log WHERE session_id = session))
$$ LANGUAGE sql STABLE;
