-- The live channel (GET /events): every change a user should see at once, numbered per user (the session's
-- owner), kept for platform.live.retention so a reconnecting browser resumes with Last-Event-ID.
--
-- Each transaction that adds an event bumps its user's row in live_streams as its last statement and holds that
-- row lock until it commits, so one user's events commit in the order of their numbers, without gaps: a reader
-- that has seen number n has seen every event before it, and resuming after n loses nothing.
CREATE TABLE live_streams (
    owner_id TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

CREATE TABLE live_events (
    owner_id   TEXT        NOT NULL,
    seq        BIGINT      NOT NULL,
    kind       TEXT        NOT NULL,
    data       JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, seq)
);
CREATE INDEX live_events_created ON live_events (created_at);

-- Wakes every replica's open streams of that user at commit; the payload is the owner, never the event.
CREATE FUNCTION notify_live_event() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('live_events_' || TG_TABLE_SCHEMA, NEW.owner_id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER live_event_added AFTER INSERT ON live_events FOR EACH ROW EXECUTE FUNCTION notify_live_event();
