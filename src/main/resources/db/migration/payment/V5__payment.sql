-- Stripe webhook events already handled: Stripe delivers at least once, so an event id seen before is ignored.
CREATE TABLE stripe_events (
    event_id    text PRIMARY KEY CHECK (length(event_id) <= 255),
    type        text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stripe_events_received_idx ON stripe_events (received_at);
