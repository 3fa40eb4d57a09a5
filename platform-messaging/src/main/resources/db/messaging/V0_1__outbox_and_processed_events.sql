-- Applied by every service into its own schema (Flyway default-schema), before the service's own V1.

-- Events waiting to be published. Written in the same transaction as the state change they describe;
-- the relay publishes them in seq order per subject and stamps sent_at.
CREATE TABLE outbox (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         UUID        NOT NULL UNIQUE,
    topic      TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    type       TEXT        NOT NULL,
    payload    JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ,
    attempts   INTEGER     NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX idx_outbox_pending ON outbox (subject, seq) WHERE sent_at IS NULL;
CREATE INDEX idx_outbox_pending_seq ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX idx_outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Wakes the relay at commit (NOTIFY is delivered only when the inserting transaction commits).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Ids of the events a consumer has applied, recorded in the same transaction as the effect.
CREATE TABLE processed_events (
    event_id     UUID        NOT NULL,
    consumer     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
