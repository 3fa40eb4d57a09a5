-- Users' webhooks: endpoints a user registered and the deliveries of order events to them.

CREATE TABLE webhook_endpoints (
    id         UUID PRIMARY KEY,
    owner_id   TEXT        NOT NULL,
    url        TEXT        NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2048),
    -- the event types delivered (order.paid, order.output.ready, order.completed)
    events     TEXT[]      NOT NULL CHECK (cardinality(events) >= 1),
    -- signs every delivery (Webhook-Signature); shown to the owner once, in the answer to the registration
    secret     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- deleted by its owner: nothing more is delivered; its delivery log stays readable
    deleted_at TIMESTAMPTZ
);
CREATE INDEX idx_webhook_endpoints_owner ON webhook_endpoints (owner_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;

CREATE TABLE webhook_deliveries (
    id               UUID PRIMARY KEY,
    endpoint_id      UUID        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type       TEXT        NOT NULL,
    event_id         UUID        NOT NULL,
    -- the event's JSON exactly as sent (the signature covers these bytes)
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until      TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    -- retried until then (created + the retry window, 24 h), then failed
    give_up_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a redelivered event makes no second delivery
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX idx_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);
CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
