-- Catalog: what a traveller can rent, stay in or join. Texts come in English and Russian.
-- Prices are exact THB amounts (numeric), never floating point.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Phuket's areas; items reference them so a filter value can be checked and names translated.
CREATE TABLE areas (
    code      text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]{1,39}$'),
    name_en   text NOT NULL,
    name_ru   text NOT NULL,
    latitude  numeric(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude numeric(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);

CREATE TABLE vehicles (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type           text NOT NULL CHECK (type IN ('scooter', 'motorbike', 'car')),
    brand          text NOT NULL,
    model          text NOT NULL,
    year           smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    engine_cc      integer NOT NULL CHECK (engine_cc > 0),
    seats          smallint NOT NULL CHECK (seats BETWEEN 1 AND 12),
    transmission   text NOT NULL CHECK (transmission IN ('automatic', 'manual')),
    name_en        text NOT NULL,
    name_ru        text NOT NULL,
    description_en text NOT NULL,
    description_ru text NOT NULL,
    area_code      text NOT NULL REFERENCES areas (code),
    latitude       numeric(9, 6) NOT NULL,
    longitude      numeric(9, 6) NOT NULL,
    daily_price    numeric(12, 2) NOT NULL CHECK (daily_price > 0),
    deposit        numeric(12, 2) NOT NULL DEFAULT 0 CHECK (deposit >= 0),
    features       text[] NOT NULL DEFAULT '{}',
    photos         text[] NOT NULL DEFAULT '{}',
    rating         numeric(2, 1) NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    review_count   integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    search_doc     tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name_en || ' ' || type || ' ' || brand || ' ' || model), 'A')
        || setweight(to_tsvector('russian', name_ru), 'A')
        || setweight(to_tsvector('english', description_en), 'B')
        || setweight(to_tsvector('russian', description_ru), 'B')
        || setweight(to_tsvector('simple', area_code), 'C')) STORED,
    search_text    text GENERATED ALWAYS AS (
        lower(name_en || ' ' || name_ru || ' ' || type || ' ' || area_code)) STORED
);

CREATE TABLE properties (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type           text NOT NULL CHECK (type IN ('villa', 'condo', 'hotel_room', 'house')),
    name_en        text NOT NULL,
    name_ru        text NOT NULL,
    description_en text NOT NULL,
    description_ru text NOT NULL,
    area_code      text NOT NULL REFERENCES areas (code),
    latitude       numeric(9, 6) NOT NULL,
    longitude      numeric(9, 6) NOT NULL,
    bedrooms       smallint NOT NULL CHECK (bedrooms BETWEEN 0 AND 20),
    bathrooms      smallint NOT NULL CHECK (bathrooms BETWEEN 0 AND 20),
    max_guests     smallint NOT NULL CHECK (max_guests BETWEEN 1 AND 40),
    nightly_price  numeric(12, 2) NOT NULL CHECK (nightly_price > 0),
    min_nights     smallint NOT NULL DEFAULT 1 CHECK (min_nights >= 1),
    max_nights     smallint NOT NULL DEFAULT 90 CHECK (max_nights >= min_nights),
    features       text[] NOT NULL DEFAULT '{}',
    photos         text[] NOT NULL DEFAULT '{}',
    rating         numeric(2, 1) NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    review_count   integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    search_doc     tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name_en || ' ' || replace(type, '_', ' ')), 'A')
        || setweight(to_tsvector('russian', name_ru), 'A')
        || setweight(to_tsvector('english', description_en), 'B')
        || setweight(to_tsvector('russian', description_ru), 'B')
        || setweight(to_tsvector('simple', area_code), 'C')) STORED,
    search_text    text GENERATED ALWAYS AS (
        lower(name_en || ' ' || name_ru || ' ' || replace(type, '_', ' ') || ' ' || area_code)) STORED
);

CREATE TABLE tours (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    category         text NOT NULL CHECK (category IN ('islands', 'diving', 'city', 'nature', 'show')),
    name_en          text NOT NULL,
    name_ru          text NOT NULL,
    description_en   text NOT NULL,
    description_ru   text NOT NULL,
    area_code        text NOT NULL REFERENCES areas (code),
    latitude         numeric(9, 6) NOT NULL,
    longitude        numeric(9, 6) NOT NULL,
    duration_hours   numeric(4, 1) NOT NULL CHECK (duration_hours > 0),
    start_time       time NOT NULL,
    -- ISO days of the week the tour runs on (1 = Monday … 7 = Sunday).
    run_days         smallint[] NOT NULL CHECK (cardinality(run_days) > 0 AND run_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
    capacity         smallint NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    price_per_person numeric(12, 2) NOT NULL CHECK (price_per_person > 0),
    features         text[] NOT NULL DEFAULT '{}',
    photos           text[] NOT NULL DEFAULT '{}',
    rating           numeric(2, 1) NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    review_count     integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    search_doc       tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name_en || ' ' || category), 'A')
        || setweight(to_tsvector('russian', name_ru), 'A')
        || setweight(to_tsvector('english', description_en), 'B')
        || setweight(to_tsvector('russian', description_ru), 'B')
        || setweight(to_tsvector('simple', area_code), 'C')) STORED,
    search_text      text GENERATED ALWAYS AS (
        lower(name_en || ' ' || name_ru || ' ' || category || ' ' || area_code)) STORED
);

-- System design §2.2.3 indexes, plus the ones the list filters and search use.
CREATE INDEX vehicles_type_idx ON vehicles (type);
CREATE INDEX vehicles_area_idx ON vehicles (area_code);
CREATE INDEX properties_area_idx ON properties (area_code);
CREATE INDEX properties_type_idx ON properties (type);
CREATE INDEX tours_category_idx ON tours (category);
CREATE INDEX tours_area_idx ON tours (area_code);
CREATE INDEX vehicles_search_doc_idx ON vehicles USING gin (search_doc);
CREATE INDEX properties_search_doc_idx ON properties USING gin (search_doc);
CREATE INDEX tours_search_doc_idx ON tours USING gin (search_doc);
CREATE INDEX vehicles_search_text_idx ON vehicles USING gin (search_text gin_trgm_ops);
CREATE INDEX properties_search_text_idx ON properties USING gin (search_text gin_trgm_ops);
CREATE INDEX tours_search_text_idx ON tours USING gin (search_text gin_trgm_ops);
