-- Client search: a contentless trigram index over what the office searches by (name, account,
-- phone with and without punctuation, service login, static IP, email). Trigrams make every
-- substring of three or more characters an index lookup; shorter queries use the B-tree
-- indexes instead (see src-main/core/clients/client-search.ts). Triggers keep it in step.
CREATE VIRTUAL TABLE `clients_fts` USING fts5(
  full_name,
  account_no,
  phone,
  service_login,
  static_ip,
  email,
  content='',
  contentless_delete=1,
  tokenize="trigram remove_diacritics 1"
);
--> statement-breakpoint
CREATE TRIGGER `clients_ai_fts` AFTER INSERT ON `clients` BEGIN
  INSERT INTO clients_fts (rowid, full_name, account_no, phone, service_login, static_ip, email)
  VALUES (new.id, new.full_name, new.account_no,
    new.phone || ' ' || replace(replace(replace(replace(replace(replace(new.phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''),
    new.service_login, coalesce(new.static_ip, ''), coalesce(new.email, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `clients_au_fts` AFTER UPDATE OF full_name, account_no, phone, service_login, static_ip, email ON `clients` BEGIN
  DELETE FROM clients_fts WHERE rowid = old.id;
  INSERT INTO clients_fts (rowid, full_name, account_no, phone, service_login, static_ip, email)
  VALUES (new.id, new.full_name, new.account_no,
    new.phone || ' ' || replace(replace(replace(replace(replace(replace(new.phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''),
    new.service_login, coalesce(new.static_ip, ''), coalesce(new.email, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `clients_ad_fts` AFTER DELETE ON `clients` BEGIN
  DELETE FROM clients_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
-- The ledger is append-only and every entry's sign matches its kind.
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries` BEGIN
  SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries` BEGIN
  SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_sign` BEFORE INSERT ON `ledger_entries`
WHEN NOT (
  (new.kind = 'payment' AND new.amount > 0)
  OR (new.kind IN ('charge', 'refund') AND new.amount < 0)
  OR (new.kind IN ('adjustment', 'void') AND new.amount <> 0)
)
BEGIN
  SELECT RAISE(ABORT, 'ledger entry amount has the wrong sign for its kind');
END;
--> statement-breakpoint
-- The balance is derived: each entry moves it, and nothing else may set it to anything but the
-- sum of the client's entries.
CREATE TRIGGER `ledger_entries_ai_balance` AFTER INSERT ON `ledger_entries` BEGIN
  UPDATE clients SET balance = balance + new.amount WHERE id = new.client_id;
END;
--> statement-breakpoint
CREATE TRIGGER `clients_balance_derived` BEFORE UPDATE OF balance ON `clients`
WHEN new.balance IS NOT (SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE client_id = new.id)
BEGIN
  SELECT RAISE(ABORT, 'clients.balance is derived from the ledger');
END;
--> statement-breakpoint
CREATE TRIGGER `clients_balance_on_insert` BEFORE INSERT ON `clients` WHEN new.balance <> 0 BEGIN
  SELECT RAISE(ABORT, 'clients.balance is derived from the ledger');
END;
--> statement-breakpoint
CREATE TRIGGER `receipts_no_update` BEFORE UPDATE ON `receipts` BEGIN
  SELECT RAISE(ABORT, 'receipts are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `receipts_no_delete` BEFORE DELETE ON `receipts` BEGIN
  SELECT RAISE(ABORT, 'receipts are never deleted');
END;
