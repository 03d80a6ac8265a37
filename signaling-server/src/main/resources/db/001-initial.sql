-- Carrel schema, version 1. Integer keys stay inside the database; the outside world
-- knows rooms and participants only by their random UUIDs.
CREATE TABLE rooms (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    capacity      INTEGER NOT NULL,
    password_hash TEXT,
    created_at    INTEGER NOT NULL
);

-- Join/leave history. A row with left_at NULL is a seated participant; resume_hash is the
-- SHA-256 of its current resume token, so a restarted server can honour it.
CREATE TABLE participants (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    room_id     INTEGER NOT NULL REFERENCES rooms(id),
    name        TEXT    NOT NULL,
    audio       INTEGER NOT NULL,
    video       INTEGER NOT NULL,
    screen      INTEGER NOT NULL,
    resume_hash TEXT,
    joined_at   INTEGER NOT NULL,
    left_at     INTEGER
);
CREATE INDEX participants_seated ON participants(room_id) WHERE left_at IS NULL;

CREATE TABLE chat (
    id             INTEGER PRIMARY KEY,
    room_id        INTEGER NOT NULL REFERENCES rooms(id),
    seq            INTEGER NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    name           TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    at             INTEGER NOT NULL,
    UNIQUE (room_id, seq)
);

-- One focus timer per room. ends_at is set while running; remaining (whole seconds) while not.
CREATE TABLE timers (
    room_id   INTEGER PRIMARY KEY REFERENCES rooms(id),
    phase     TEXT    NOT NULL,
    seconds   INTEGER NOT NULL,
    running   INTEGER NOT NULL,
    ends_at   INTEGER,
    remaining INTEGER NOT NULL,
    by_uuid   TEXT
);
