-- The voice users console: users, their licences, the organisation's phone
-- numbers, emergency locations, and which number each user holds.
-- Portable SQL: the same statements run on SQLite and PostgreSQL.

CREATE TABLE licences (
    code        TEXT PRIMARY KEY,      -- Licence::code(), e.g. 'PHONE_SYSTEM'
    purchased   INTEGER NOT NULL CHECK (purchased >= 0)
);

CREATE TABLE voice_users (
    id              INTEGER PRIMARY KEY,
    display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 256),
    username        TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 256),
    usage_location  TEXT NOT NULL CHECK (length(usage_location) = 2),
    -- Bumped by every change to the user's voice settings; a write names the
    -- version it read, so a stale pane can't silently overwrite a newer change.
    version         INTEGER NOT NULL DEFAULT 1
);
-- Keyset paging of the grid sorts by these, case-insensitively, with id as tie-break.
CREATE INDEX voice_users_by_display_name ON voice_users (lower(display_name), id);
CREATE INDEX voice_users_by_username ON voice_users (lower(username), id);

CREATE TABLE user_licences (
    user_id     INTEGER NOT NULL REFERENCES voice_users (id) ON DELETE CASCADE,
    licence     TEXT NOT NULL REFERENCES licences (code),
    PRIMARY KEY (user_id, licence)
);

CREATE TABLE emergency_locations (
    id            INTEGER PRIMARY KEY,
    description   TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 256),
    street        TEXT NOT NULL,
    city          TEXT NOT NULL,
    state         TEXT,
    postal_code   TEXT NOT NULL,
    country       TEXT NOT NULL CHECK (length(country) = 2),
    validated     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX emergency_locations_by_city ON emergency_locations (lower(city), id);

CREATE TABLE phone_numbers (
    id             INTEGER PRIMARY KEY,
    e164           TEXT NOT NULL UNIQUE,
    country        TEXT NOT NULL CHECK (length(country) = 2),
    city           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('user', 'service', 'toll_free')),
    source         TEXT NOT NULL CHECK (source IN ('calling_plan', 'direct_routing', 'operator_connect')),
    activation     TEXT NOT NULL DEFAULT 'active' CHECK (activation IN ('active', 'pending', 'failed')),
    -- End of the re-use block after a removal (ISO date); NULL when not blocked.
    blocked_until  TEXT
);
CREATE INDEX phone_numbers_by_city ON phone_numbers (lower(city), id);

-- One row per user that holds a number. The primary key gives one number per
-- user; the unique number_id gives one user per number. These are the last
-- word when two admins assign at the same moment.
CREATE TABLE number_assignments (
    user_id       INTEGER PRIMARY KEY REFERENCES voice_users (id) ON DELETE CASCADE,
    number_id     INTEGER NOT NULL UNIQUE REFERENCES phone_numbers (id),
    location_id   INTEGER NOT NULL REFERENCES emergency_locations (id),
    assigned_at   TEXT NOT NULL
);
