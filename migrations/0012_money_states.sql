-- Payment references are looked up exactly, in any letter case: client search ("which client
-- paid QJK7H2L9XP?") and the Payments screen. Partial: most entries (charges, adjustments,
-- cash) have none.
CREATE INDEX `ledger_reference_idx` ON `ledger_entries` (`reference` COLLATE NOCASE)
  WHERE reference IS NOT NULL;
--> statement-breakpoint
-- "Awaiting first payment": a client who signed up and was never renewed (no renewal charge in
-- the ledger) was stored as expired; give them their own state. Not logged: no one's service
-- changes (both states are off on the router).
UPDATE `clients` SET `status` = 'awaiting_payment'
WHERE `status` = 'expired'
  AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.client_id = clients.id AND e.kind = 'charge');
--> statement-breakpoint
UPDATE `clients` SET `status_before_archive` = 'awaiting_payment'
WHERE `status` = 'archived' AND `status_before_archive` = 'expired'
  AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.client_id = clients.id AND e.kind = 'charge');
