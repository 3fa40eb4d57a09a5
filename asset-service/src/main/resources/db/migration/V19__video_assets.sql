-- Videos (asset type 'video': MP4, QuickTime, WebM up to platform.uploads.max-video-bytes). Their probe's findings
-- (video.probed) and how far their web MP4 has come (video.progress) are kept on the asset; no other type has them.
ALTER TABLE room_assets DROP CONSTRAINT check_asset_type;
ALTER TABLE room_assets ADD CONSTRAINT check_asset_type
    CHECK (asset_type IN ('photo', 'floorplan', 'render', 'document', 'video'));

-- The per-type limits are the service's; this bound is what confirm can copy with one S3 CopyObject (5 GiB).
ALTER TABLE room_assets DROP CONSTRAINT check_file_size;
ALTER TABLE room_assets ADD CONSTRAINT check_file_size CHECK (file_size > 0 AND file_size <= 5368709120);

ALTER TABLE room_assets
    ADD COLUMN duration_seconds    DOUBLE PRECISION,
    ADD COLUMN video_codec         TEXT,
    ADD COLUMN audio_codec         TEXT,
    ADD COLUMN processing_progress INTEGER,
    ADD CONSTRAINT check_duration CHECK (duration_seconds IS NULL OR duration_seconds > 0),
    ADD CONSTRAINT check_codecs CHECK (length(video_codec) <= 64 AND length(audio_codec) <= 64),
    ADD CONSTRAINT check_processing_progress CHECK (processing_progress BETWEEN 0 AND 100),
    ADD CONSTRAINT check_video_fields CHECK (asset_type = 'video' OR (duration_seconds IS NULL
        AND video_codec IS NULL AND audio_codec IS NULL AND processing_progress IS NULL));

-- A video's progress is bookkeeping, like updated_at: the audit log keeps its status, not each percentage.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger AS $$
DECLARE
    old_row JSONB := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD)
        - '{updated_at,item_count,token_hash,processing_progress}'::text[] END;
    new_row JSONB := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW)
        - '{updated_at,item_count,token_hash,processing_progress}'::text[] END;
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
