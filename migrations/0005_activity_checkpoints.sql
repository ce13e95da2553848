-- Signed chain checkpoints: the head of the activity log's hash chain at a moment, signed with
-- this installation's Ed25519 key, so that the list can be kept outside the database and any
-- later rewrite of the chain up to a checkpoint is detected. Append-only, like the log.
CREATE TABLE `activity_checkpoints` (
  `id` integer PRIMARY KEY,
  `upto_id` integer NOT NULL,
  `head_hash` blob NOT NULL,
  `created_at` integer NOT NULL,
  `note` text NOT NULL,
  `signature` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_checkpoints_upto_idx` ON `activity_checkpoints` (`upto_id`);
--> statement-breakpoint
CREATE TRIGGER `activity_checkpoints_no_update` BEFORE UPDATE ON `activity_checkpoints` BEGIN
  SELECT RAISE(ABORT, 'activity_checkpoints is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `activity_checkpoints_no_delete` BEFORE DELETE ON `activity_checkpoints` BEGIN
  SELECT RAISE(ABORT, 'activity_checkpoints is append-only');
END;
