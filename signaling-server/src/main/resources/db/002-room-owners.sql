-- Carrel schema, version 2: room owners and the expiry of empty rooms.
-- owner_hash is the SHA-256 of the owner token room-created handed out (NULL for rooms made
-- before owners existed: only the admin can change those). keep = 1 exempts a room from
-- --room-ttl. empty_since is when the room last became empty (epoch ms), NULL while someone
-- sits in it; rooms that exist at the upgrade start their empty spell now, not at creation,
-- so an upgrade never deletes a room at once.
ALTER TABLE rooms ADD COLUMN owner_hash TEXT;
ALTER TABLE rooms ADD COLUMN keep INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rooms ADD COLUMN empty_since INTEGER;
UPDATE rooms SET empty_since = CAST(strftime('%s', 'now') AS INTEGER) * 1000
    WHERE id NOT IN (SELECT room_id FROM participants WHERE left_at IS NULL);
