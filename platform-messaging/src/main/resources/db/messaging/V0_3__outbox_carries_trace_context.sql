-- Applied by every service into its own schema, like V0_1 (out of order where the service's own migrations ran).

-- The W3C traceparent of the transaction that wrote the event (null when traces are off): the relay publishes the
-- event as a child of it and passes its own span on in the record's headers, so a trace crosses the outbox.
ALTER TABLE outbox ADD COLUMN trace_parent text;
COMMENT ON COLUMN outbox.trace_parent IS 'W3C traceparent of the writing transaction; null when traces are off';
