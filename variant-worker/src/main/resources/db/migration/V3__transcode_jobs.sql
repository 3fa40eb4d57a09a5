-- The web MP4 of each accepted video, made by a bounded pool of transcodes that may run on any replica: one
-- durable job per video, queued in the transaction that records its probe and posters. A worker claims a job
-- (FOR UPDATE SKIP LOCKED) with a fresh claim_id and a lease it renews while ffmpeg makes progress; a job whose
-- lease ran out (its worker died) is claimed again, and only the holder of the current claim_id may finish it.
CREATE TABLE transcode_jobs (
    source_id         UUID PRIMARY KEY,
    source_kind       TEXT             NOT NULL CHECK (source_kind IN ('room_asset', 'style_image')),
    session_id        UUID,
    source_bucket     TEXT             NOT NULL,
    source_path       TEXT             NOT NULL,
    source_type       TEXT             NOT NULL,
    -- what the probe accepted: the transcode reads the source as this, without probing it again
    duration_seconds  DOUBLE PRECISION NOT NULL CHECK (duration_seconds > 0),
    video_stream      INTEGER          NOT NULL CHECK (video_stream >= 0),
    audio_stream      INTEGER CHECK (audio_stream >= 0),
    width             INTEGER          NOT NULL CHECK (width > 0),
    height            INTEGER          NOT NULL CHECK (height > 0),
    expected_variants INTEGER          NOT NULL CHECK (expected_variants > 0),
    status            TEXT             NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    attempts          INTEGER          NOT NULL DEFAULT 0,
    claim_id          UUID,
    lease_until       TIMESTAMPTZ,
    last_error        TEXT,
    created_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX idx_transcode_jobs_due ON transcode_jobs (created_at) WHERE status = 'pending';
CREATE INDEX idx_transcode_jobs_session ON transcode_jobs (session_id) WHERE session_id IS NOT NULL;

-- Wakes idle transcode slots on every replica at commit (NOTIFY is delivered only when the transaction commits).
CREATE FUNCTION transcode_jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('transcode_jobs_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER transcode_job_queued AFTER INSERT ON transcode_jobs FOR EACH STATEMENT
    EXECUTE FUNCTION transcode_jobs_notify();
