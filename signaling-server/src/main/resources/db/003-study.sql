-- Carrel schema, version 3: study features (docs/protocol.md §13).
-- A room's settings, fixed at creation: quiet = 1 keeps every microphone off; a long break after
-- long_break_every focus phases (0: never), long_break_seconds long.
ALTER TABLE rooms ADD COLUMN quiet INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rooms ADD COLUMN long_break_every INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rooms ADD COLUMN long_break_seconds INTEGER NOT NULL DEFAULT 0;
-- What a seated participant shows for the room's session (joined_at is its "since"). Cleared when
-- it leaves, so nothing of a session outlives it.
ALTER TABLE participants ADD COLUMN goal TEXT;
ALTER TABLE participants ADD COLUMN presence TEXT;
ALTER TABLE participants ADD COLUMN check_in TEXT;
-- The display name of whoever acted on the timer last, and how many focus phases ran to their
-- end in the room's session (0 again when the session ends).
ALTER TABLE timers ADD COLUMN by_name TEXT;
ALTER TABLE timers ADD COLUMN round INTEGER NOT NULL DEFAULT 0;
