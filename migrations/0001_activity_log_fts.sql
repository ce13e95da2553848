-- Full-text index over the description and the filter tags (external content: the index only).
-- unicode61 splits ACC-0001, 10.0.0.1 and M-Pesa into words; the search escapes input into quoted
-- phrases so they still match. '_' is a token character so that tags stay whole words.
-- columnsize=0: no per-row size table (-11 bytes per entry); only bm25 ranking needs it, and the
-- log is always read newest first.
CREATE VIRTUAL TABLE `activity_fts` USING fts5(
  description,
  tags,
  content='activity_log',
  content_rowid='id',
  columnsize=0,
  tokenize="unicode61 remove_diacritics 2 tokenchars '_'"
);
--> statement-breakpoint
-- The index's own term list, for expanding a typed prefix into whole words (see fts-query.ts).
CREATE VIRTUAL TABLE `activity_fts_vocab` USING fts5vocab(activity_fts, 'col');
--> statement-breakpoint
CREATE TRIGGER `activity_log_ai` AFTER INSERT ON `activity_log` BEGIN
  INSERT INTO activity_fts(rowid, description, tags) VALUES (new.id, new.description, new.tags);
END;
--> statement-breakpoint
-- Retention (archive, then prune) is the only path allowed to delete, and only while it holds
-- the flag inside its own transaction; it keeps the FTS index in step.
CREATE TRIGGER `activity_log_ad` AFTER DELETE ON `activity_log` BEGIN
  INSERT INTO activity_fts(activity_fts, rowid, description, tags)
  VALUES ('delete', old.id, old.description, old.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `activity_log_no_update` BEFORE UPDATE ON `activity_log` BEGIN
  SELECT RAISE(ABORT, 'activity_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `activity_log_no_delete` BEFORE DELETE ON `activity_log`
WHEN (SELECT value FROM settings WHERE key = 'audit.retention_unlocked') IS NOT '1'
BEGIN
  SELECT RAISE(ABORT, 'activity_log is append-only');
END;
