-- The audit log (seed 003): every change of an audited row, written by triggers in the transaction that makes
-- it, so no code path (API, projection, job, cascade) can change data without leaving its row here.
-- Who changed it comes from settings the service sets at the start of each transaction of a request
-- (audit.actor, audit.ip, audit.user_agent); a transaction without them is the system's (projections, jobs).
CREATE TABLE audit_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_type    TEXT        NOT NULL,
    entity_id      UUID        NOT NULL,
    action         TEXT        NOT NULL
        CONSTRAINT check_audit_action CHECK (action IN ('created', 'updated', 'deleted', 'erased',
                                                        'item_added', 'item_removed', 'item_moved')),
    changed_fields TEXT[]      NOT NULL DEFAULT '{}',
    old_values     JSONB,
    new_values     JSONB,
    -- whose entity it is (who may read the row) and the session it belongs to (what erasure scrubs)
    owner_id       TEXT,
    session_id     UUID,
    actor          TEXT        NOT NULL,
    ip             INET,
    user_agent     TEXT,
    at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_audit_entity ON audit_log (entity_type, entity_id, id DESC);
CREATE INDEX idx_audit_owner ON audit_log (owner_id, id DESC);
CREATE INDEX idx_audit_session ON audit_log (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_audit_at ON audit_log (at);

-- The owner of a session, also while its erasure cascades (the session row is gone by then: its own audit
-- rows still say whose it was).
CREATE FUNCTION audit_session_owner(session UUID) RETURNS TEXT AS $$
    SELECT coalesce(
        (SELECT owner_id FROM sessions WHERE id = session),
        (SELECT owner_id FROM audit_log WHERE entity_type = 'session' AND entity_id = session
            AND owner_id IS NOT NULL ORDER BY id DESC LIMIT 1))
$$ LANGUAGE sql STABLE;

CREATE FUNCTION audit_write(entity_type TEXT, entity_id UUID, action TEXT, changed TEXT[], old_values JSONB,
                            new_values JSONB, owner TEXT, session UUID) RETURNS void AS $$
    INSERT INTO audit_log (entity_type, entity_id, action, changed_fields, old_values, new_values, owner_id,
                           session_id, actor, ip, user_agent)
    VALUES (entity_type, entity_id, action, changed, old_values, new_values, owner, session,
            coalesce(nullif(current_setting('audit.actor', true), ''), 'system'),
            nullif(current_setting('audit.ip', true), '')::inet,
            nullif(current_setting('audit.user_agent', true), ''))
$$ LANGUAGE sql;

-- One row of an audited table changed. TG_ARGV[0] is the entity type. Bookkeeping columns are left out:
-- updated_at (every update has one), item_count (the collection's items say it), token_hash (a secret's hash).
CREATE FUNCTION audit_row() RETURNS trigger AS $$
DECLARE
    old_row JSONB := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - '{updated_at,item_count,token_hash}'::text[] END;
    new_row JSONB := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - '{updated_at,item_count,token_hash}'::text[] END;
    one_row JSONB := coalesce(new_row, old_row);
    changed TEXT[];
    session UUID;
    owner   TEXT;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}') INTO changed
        FROM jsonb_each(new_row) AS n
        WHERE n.value IS DISTINCT FROM old_row -> n.key;
        IF cardinality(changed) = 0 THEN
            RETURN NULL;
        END IF;
        SELECT jsonb_object_agg(k, old_row -> k) INTO old_row FROM unnest(changed) AS k;
        SELECT jsonb_object_agg(k, new_row -> k) INTO new_row FROM unnest(changed) AS k;
    ELSE
        SELECT coalesce(array_agg(k ORDER BY k), '{}') INTO changed FROM jsonb_object_keys(one_row) AS k;
    END IF;
    session := CASE WHEN TG_TABLE_NAME = 'sessions' THEN (one_row ->> 'id')::uuid
                    ELSE (one_row ->> 'session_id')::uuid END;
    owner := coalesce(one_row ->> 'owner_id', CASE WHEN session IS NOT NULL THEN audit_session_owner(session) END);
    PERFORM audit_write(TG_ARGV[0], (one_row ->> 'id')::uuid,
                        CASE TG_OP WHEN 'INSERT' THEN 'created' WHEN 'UPDATE' THEN 'updated' ELSE 'deleted' END,
                        changed, old_row, new_row, owner, session);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A collection's membership changed: logged on the collection itself (added, removed, moved).
CREATE FUNCTION audit_collection_item() RETURNS trigger AS $$
DECLARE
    collection UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.collection_id ELSE NEW.collection_id END;
    item       UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.library_item_id ELSE NEW.library_item_id END;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.position = NEW.position THEN
        RETURN NULL;
    END IF;
    PERFORM audit_write('collection', collection,
                        CASE TG_OP WHEN 'INSERT' THEN 'item_added' WHEN 'UPDATE' THEN 'item_moved'
                                   ELSE 'item_removed' END,
                        CASE WHEN TG_OP = 'UPDATE' THEN '{position}'::text[] ELSE '{library_item_id,position}' END,
                        CASE WHEN TG_OP <> 'INSERT' THEN jsonb_build_object('library_item_id', OLD.library_item_id,
                                                                            'position', OLD.position) END,
                        CASE WHEN TG_OP <> 'DELETE' THEN jsonb_build_object('library_item_id', NEW.library_item_id,
                                                                            'position', NEW.position) END,
                        -- either may already be gone when a deletion cascades here
                        coalesce((SELECT owner_id FROM collections WHERE id = collection),
                                 (SELECT owner_id FROM library_items WHERE id = item)),
                        NULL);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Erasing a session (GDPR) keeps the fact, not the content: what its entities held leaves the log, and one row
-- says the session was erased, by whom and when. Called in the erasure's transaction, after its cascades.
CREATE FUNCTION audit_erase_session(session UUID, owner TEXT) RETURNS void AS $$
    UPDATE audit_log SET old_values = NULL, new_values = NULL
    WHERE session_id = session AND (old_values IS NOT NULL OR new_values IS NOT NULL);
    SELECT audit_write('session', session, 'erased', '{}', NULL, NULL, owner, session);
$$ LANGUAGE sql;

CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION audit_row('session');
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON rooms
    FOR EACH ROW EXECUTE FUNCTION audit_row('room');
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON room_assets
    FOR EACH ROW EXECUTE FUNCTION audit_row('asset');
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON asset_comparisons
    FOR EACH ROW EXECUTE FUNCTION audit_row('comparison');
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON document_artifacts
    FOR EACH ROW EXECUTE FUNCTION audit_row('document');
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON library_items
    FOR EACH ROW EXECUTE FUNCTION audit_row('library_item');
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON collections
    FOR EACH ROW EXECUTE FUNCTION audit_row('collection');
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON collection_items
    FOR EACH ROW EXECUTE FUNCTION audit_collection_item();
CREATE TRIGGER audited AFTER INSERT OR UPDATE OR DELETE ON links
    FOR EACH ROW EXECUTE FUNCTION audit_row('link');
