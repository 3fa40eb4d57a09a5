-- Mail notifications (seed 003's email_queue), fed by events, sent by a worker that claims rows with SKIP LOCKED.

-- Where a user's mails go: the email (and name) claims of the last token the user called order-service with.
-- Events name owners by subject only, so this is the one place an address comes from.
CREATE TABLE contacts (
    sub        TEXT PRIMARY KEY CHECK (char_length(sub) BETWEEN 1 AND 255),
    email      TEXT        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 320),
    name       TEXT CHECK (char_length(name) <= 200),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE notifications (
    id              UUID PRIMARY KEY,
    owner_id        TEXT        NOT NULL,
    -- null when no address was known: the notification is then recorded failed (no_address), never sent
    to_email        TEXT,
    kind            TEXT        NOT NULL CHECK (kind IN ('order_confirmation', 'processing_complete',
            'session_expiring', 'share_link_created')),
    -- kind + the event's subject (order, session, link): a redelivered or repeated event queues nothing new
    dedupe_key      TEXT        NOT NULL UNIQUE,
    subject         TEXT        NOT NULL,
    -- what the templates show (order number, counts, times): the event's data, nothing else
    data            JSONB       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(data) = 'object'),
    -- queued → sending → sent | failed | bounced; sending → queued again after a temporary failure
    status          TEXT        NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'bounced')),
    attempts        INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts    INTEGER     NOT NULL CHECK (max_attempts >= 1),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a worker is sending it until then; found still sending after it, the worker died mid-send and the mail
    -- may or may not have gone out: recorded failed (outcome_unknown), never sent again
    lease_until     TIMESTAMPTZ,
    -- the Message-ID header we set: <id@media-platform>
    message_id      TEXT,
    error_code      TEXT,
    error_message   TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    CHECK (status <> 'queued' OR to_email IS NOT NULL)
);
CREATE INDEX idx_notifications_owner ON notifications (owner_id, created_at DESC, id DESC);
CREATE INDEX idx_notifications_due ON notifications (next_attempt_at) WHERE status = 'queued';
CREATE INDEX idx_notifications_sending ON notifications (lease_until) WHERE status = 'sending';
