-- Applied by every service into its own schema, like V0_1. Services whose own migrations already ran apply it
-- out of order (quarkus.flyway.out-of-order in this module's defaults): it touches only the outbox.

-- `type` always equalled `topic` (an envelope's type is its topic); the relay's event-type header reads `topic`.
ALTER TABLE outbox DROP COLUMN type;

-- Publish attempts, failed ones included, and the error of the last failed one: an operator sees at a glance
-- which unsent rows are stuck and why. A row sent after failures keeps the error it last met.
COMMENT ON COLUMN outbox.attempts IS 'publish attempts, failed ones included';
COMMENT ON COLUMN outbox.last_error IS 'why the last failed publish attempt failed; null if none failed';
