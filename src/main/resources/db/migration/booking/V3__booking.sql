-- Bookings: who holds which item for which dates, at what price, and where the booking is in its lifecycle.
-- The database itself refuses double bookings; the application's checks only give nicer errors first.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE bookings (
    id                  uuid PRIMARY KEY,
    -- Short, readable and unguessable: what a traveller reads out at the counter.
    confirmation_code   text NOT NULL UNIQUE,
    -- No foreign key to users: an erased account keeps its bookings, anonymised, for accounting.
    user_id             uuid NOT NULL,
    item_kind           text NOT NULL CHECK (item_kind IN ('vehicle', 'property', 'tour')),
    item_id             uuid NOT NULL,
    -- The item's name when booked: what the traveller booked, whatever the catalog calls it later.
    item_name_en        text NOT NULL,
    item_name_ru        text NOT NULL,
    -- [start_date, end_date): a checkout day may be the next check-in day. A tour takes its one date (end = start).
    start_date          date NOT NULL,
    end_date            date NOT NULL,
    guests              smallint NOT NULL CHECK (guests BETWEEN 1 AND 500),
    status              text NOT NULL CHECK (status IN ('pending', 'confirmed', 'completed', 'cancelled')),
    total_price         numeric(12, 2) NOT NULL CHECK (total_price >= 0),
    currency            text NOT NULL DEFAULT 'THB' CHECK (currency = 'THB'),
    -- card: paid online through the payment provider; on_arrival: the manual fallback, an admin confirms.
    payment_method      text NOT NULL CHECK (payment_method IN ('card', 'on_arrival')),
    -- The payment provider's reference (a Stripe PaymentIntent id) and what it confirmed was paid.
    payment_reference   text,
    amount_paid         numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    -- An unpaid pending booking holds its dates until then.
    hold_expires_at     timestamptz,
    expiry_reminded     boolean NOT NULL DEFAULT false,
    cancellation_reason text CHECK (cancellation_reason IN ('traveller', 'admin', 'expired')),
    cancellation_fee    numeric(12, 2) CHECK (cancellation_fee >= 0),
    refund_amount       numeric(12, 2) CHECK (refund_amount >= 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    confirmed_at        timestamptz,
    cancelled_at        timestamptz,
    completed_at        timestamptz,
    CHECK (end_date > start_date OR (item_kind = 'tour' AND end_date = start_date)),
    CHECK ((status = 'pending') = (hold_expires_at IS NOT NULL)),
    -- Exclusive items (vehicles, properties): no two live bookings of one item overlap, whatever the interleaving.
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
        item_id WITH =, daterange(start_date, end_date, '[)') WITH &&)
        WHERE (item_kind <> 'tour' AND status IN ('pending', 'confirmed'))
);
-- System design §2.2.3: bookings.user_id and bookings.status.
CREATE INDEX bookings_user_idx ON bookings (user_id, created_at DESC);
CREATE INDEX bookings_status_idx ON bookings (status);
CREATE INDEX bookings_hold_idx ON bookings (hold_expires_at) WHERE status = 'pending';
CREATE INDEX bookings_item_idx ON bookings (item_id, start_date);

-- Tours: one row per tour and date, locked by the statement that books seats; the check is the last word.
CREATE TABLE tour_departures (
    tour_id  uuid NOT NULL,
    date     date NOT NULL,
    capacity smallint NOT NULL CHECK (capacity > 0),
    booked   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tour_id, date),
    CHECK (booked BETWEEN 0 AND capacity)
);

-- Dates an admin took off sale (maintenance, owner's stay). Booking an item and blocking it take the same
-- per-item lock, so neither can slip past the other.
CREATE TABLE blocked_periods (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    item_kind  text NOT NULL CHECK (item_kind IN ('vehicle', 'property', 'tour')),
    item_id    uuid NOT NULL,
    period     daterange NOT NULL CHECK (NOT isempty(period)),
    reason     text NOT NULL CHECK (length(reason) <= 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX blocked_periods_item_idx ON blocked_periods USING gist (item_id, period);

-- Nightly rates of a property for its seasons (high season, peak holidays). Where seasons overlap the higher rate
-- applies; a night outside every season costs the property's own nightly price.
CREATE TABLE property_seasons (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    property_id   uuid NOT NULL,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    period        daterange NOT NULL CHECK (NOT isempty(period)),
    nightly_price numeric(12, 2) NOT NULL CHECK (nightly_price > 0)
);
CREATE INDEX property_seasons_idx ON property_seasons USING gist (property_id, period);

-- Idempotency-Key per user, kept 24 h: the first answer is replayed; the same key with another body is refused.
-- The key row is written before the booking, in its transaction: a concurrent request with the same key waits on
-- it, then finds the booking; a refused request rolls back and leaves the key free.
CREATE TABLE idempotency_keys (
    user_id      uuid NOT NULL,
    key          text NOT NULL,
    request_hash text NOT NULL,
    booking_id   uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_age_idx ON idempotency_keys (created_at);
