-- Plans and usage. A user's plan is an admin's override, else the plan their token names, else the configured
-- default; the claim last seen is kept so the near-quota gauge knows the plans of users not calling right now.
CREATE TABLE user_plans (
    owner_id      TEXT PRIMARY KEY,
    override_plan TEXT CHECK (override_plan IN ('free', 'pro', 'enterprise')),
    claim_plan    TEXT CHECK (claim_plan IN ('free', 'pro', 'enterprise')),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What each user holds, kept exact by the statement-level triggers below so a quota check reads one row (and
-- locks it: the per-owner lock that serialises reservations). storage_bytes = originals (a pending row counts
-- at its declared size: it is the reservation) + variants + documents of all the user's sessions, workspace
-- included; sessions = project sessions only.
CREATE TABLE owner_usage (
    owner_id      TEXT PRIMARY KEY,
    storage_bytes BIGINT NOT NULL DEFAULT 0,
    sessions      INT    NOT NULL DEFAULT 0
);

-- A cascade deletes children after their session row is gone, so each row carries its owner itself.
ALTER TABLE room_assets ADD COLUMN owner_id TEXT;
ALTER TABLE asset_variants ADD COLUMN owner_id TEXT;
ALTER TABLE document_artifacts ADD COLUMN owner_id TEXT;

UPDATE room_assets a SET owner_id = s.owner_id FROM sessions s WHERE s.id = a.session_id;
UPDATE asset_variants v SET owner_id = a.owner_id FROM room_assets a WHERE a.id = v.parent_asset_id;
UPDATE document_artifacts d SET owner_id = s.owner_id FROM sessions s WHERE s.id = d.session_id;

-- Separate statements per table: a field of NEW is resolved when its statement runs, and only variants have
-- parent_asset_id.
CREATE FUNCTION usage_owner_of_row() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'asset_variants' THEN
        NEW.owner_id := (SELECT owner_id FROM room_assets WHERE id = NEW.parent_asset_id);
    ELSE
        NEW.owner_id := (SELECT owner_id FROM sessions WHERE id = NEW.session_id);
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- Adds per-owner deltas; owners in a fixed order so two statements never lock the same rows crosswise.
CREATE FUNCTION usage_add(deltas JSONB) RETURNS void AS $$
    INSERT INTO owner_usage (owner_id, storage_bytes, sessions)
    SELECT key, coalesce((value ->> 'bytes')::bigint, 0), coalesce((value ->> 'sessions')::int, 0)
    FROM jsonb_each(deltas) ORDER BY key
    ON CONFLICT (owner_id) DO UPDATE SET storage_bytes = owner_usage.storage_bytes + excluded.storage_bytes,
                                         sessions = owner_usage.sessions + excluded.sessions;
$$ LANGUAGE sql;

-- Bytes of originals, variants and documents. Transition tables hold a statement's rows, whichever the table.
CREATE FUNCTION usage_storage_changed() RETURNS trigger AS $$
DECLARE
    deltas JSONB;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_object_agg(owner_id, jsonb_build_object('bytes', bytes)) INTO deltas FROM (
            SELECT owner_id, sum(coalesce(file_size, 0)) AS bytes FROM new_rows
            WHERE owner_id IS NOT NULL GROUP BY owner_id HAVING sum(coalesce(file_size, 0)) <> 0) d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_object_agg(owner_id, jsonb_build_object('bytes', -bytes)) INTO deltas FROM (
            SELECT owner_id, sum(coalesce(file_size, 0)) AS bytes FROM old_rows
            WHERE owner_id IS NOT NULL GROUP BY owner_id HAVING sum(coalesce(file_size, 0)) <> 0) d;
    ELSE
        SELECT jsonb_object_agg(owner_id, jsonb_build_object('bytes', bytes)) INTO deltas FROM (
            SELECT owner_id, sum(bytes) AS bytes FROM (
                SELECT owner_id, coalesce(file_size, 0) AS bytes FROM new_rows
                UNION ALL SELECT owner_id, -coalesce(file_size, 0) FROM old_rows) c
            WHERE owner_id IS NOT NULL GROUP BY owner_id HAVING sum(bytes) <> 0) d;
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM usage_add(deltas);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Each counted table: its owner filled in on insert, and its bytes counted per statement. Transition tables
-- allow one event per trigger, hence three.
DO $$
DECLARE
    counted TEXT;
BEGIN
    FOREACH counted IN ARRAY ARRAY['room_assets', 'asset_variants', 'document_artifacts'] LOOP
        EXECUTE format('CREATE TRIGGER usage_owner BEFORE INSERT ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION usage_owner_of_row()', counted);
        EXECUTE format('CREATE TRIGGER usage_added AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION usage_storage_changed()', counted);
        EXECUTE format('CREATE TRIGGER usage_changed AFTER UPDATE ON %I'
                       ' REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION usage_storage_changed()', counted);
        EXECUTE format('CREATE TRIGGER usage_removed AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION usage_storage_changed()', counted);
    END LOOP;
END
$$;

CREATE FUNCTION usage_sessions_changed() RETURNS trigger AS $$
DECLARE
    deltas JSONB;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_object_agg(owner_id, jsonb_build_object('sessions', n)) INTO deltas FROM (
            SELECT owner_id, count(*) AS n FROM new_rows WHERE kind = 'project' GROUP BY owner_id) d;
    ELSE
        SELECT jsonb_object_agg(owner_id, jsonb_build_object('sessions', -n)) INTO deltas FROM (
            SELECT owner_id, count(*) AS n FROM old_rows WHERE kind = 'project' GROUP BY owner_id) d;
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM usage_add(deltas);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER usage_added AFTER INSERT ON sessions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION usage_sessions_changed();
CREATE TRIGGER usage_removed AFTER DELETE ON sessions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION usage_sessions_changed();

-- What existed before the counters did.
INSERT INTO owner_usage (owner_id, storage_bytes, sessions)
SELECT owner_id, sum(bytes), sum(sessions) FROM (
    SELECT owner_id, 0 AS bytes, count(*) FILTER (WHERE kind = 'project') AS sessions FROM sessions GROUP BY owner_id
    UNION ALL SELECT owner_id, sum(file_size), 0 FROM room_assets WHERE owner_id IS NOT NULL GROUP BY owner_id
    UNION ALL SELECT owner_id, sum(coalesce(file_size, 0)), 0 FROM asset_variants WHERE owner_id IS NOT NULL
        GROUP BY owner_id
    UNION ALL SELECT owner_id, sum(coalesce(file_size, 0)), 0 FROM document_artifacts WHERE owner_id IS NOT NULL
        GROUP BY owner_id) t
GROUP BY owner_id;
