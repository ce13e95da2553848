CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`service_type` text NOT NULL,
	`rate_down_kbps` integer NOT NULL,
	`rate_up_kbps` integer NOT NULL,
	`burst_down_kbps` integer,
	`burst_up_kbps` integer,
	`burst_threshold_down_kbps` integer,
	`burst_threshold_up_kbps` integer,
	`burst_time_seconds` integer,
	`price` integer NOT NULL,
	`validity_unit` text NOT NULL,
	`validity_count` integer NOT NULL,
	`router_profile` text NOT NULL,
	`expiry_action` text NOT NULL,
	`isolation_profile` text,
	`isolation_address_list` text,
	`grace_days` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_name_unique` ON `plans` (`name`);--> statement-breakpoint
CREATE INDEX `plans_active_idx` ON `plans` (`active`,`name`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_no` text NOT NULL,
	`full_name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text,
	`address` text,
	`gps_lat` real,
	`gps_lng` real,
	`service_type` text NOT NULL,
	`service_login` text NOT NULL,
	`service_password_box` text NOT NULL,
	`static_ip` text,
	`mac` text,
	`plan_id` integer NOT NULL,
	`router_id` integer,
	`status` text NOT NULL,
	`status_before_archive` text,
	`expires_at` integer NOT NULL,
	`balance` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`archived_at` integer,
	`name_key` text GENERATED ALWAYS AS (lower(full_name)) VIRTUAL,
	`login_key` text GENERATED ALWAYS AS (lower(service_login)) VIRTUAL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_accountNo_unique` ON `clients` (`account_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `clients_login_key_uq` ON `clients` (`login_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `clients_static_ip_uq` ON `clients` (`static_ip`) WHERE static_ip IS NOT NULL AND status <> 'archived';--> statement-breakpoint
CREATE INDEX `clients_name_idx` ON `clients` (`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `clients_status_name_idx` ON `clients` (`status`,`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `clients_expires_idx` ON `clients` (`expires_at`,`id`);--> statement-breakpoint
CREATE INDEX `clients_status_expires_idx` ON `clients` (`status`,`expires_at`,`id`);--> statement-breakpoint
CREATE INDEX `clients_balance_idx` ON `clients` (`balance`,`id`);--> statement-breakpoint
CREATE INDEX `clients_status_balance_idx` ON `clients` (`status`,`balance`,`id`);--> statement-breakpoint
CREATE INDEX `clients_status_id_idx` ON `clients` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `clients_plan_idx` ON `clients` (`plan_id`,`status`);--> statement-breakpoint
CREATE INDEX `clients_router_idx` ON `clients` (`router_id`,`status`) WHERE router_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `clients_phone_idx` ON `clients` (`phone`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`method` text,
	`reference` text,
	`reason` text,
	`plan_id` integer,
	`period_start` integer,
	`period_end` integer,
	`relates_to` integer,
	`staff_id` integer NOT NULL,
	`staff_name` text NOT NULL,
	`created_at` integer NOT NULL,
	`correlation_id` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_client_idx` ON `ledger_entries` (`client_id`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_created_idx` ON `ledger_entries` (`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_relates_idx` ON `ledger_entries` (`relates_to`) WHERE relates_to IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_one_void_uq` ON `ledger_entries` (`relates_to`) WHERE kind = 'void';--> statement-breakpoint
CREATE TABLE `receipts` (
	`number` integer PRIMARY KEY NOT NULL,
	`entry_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`account_no` text NOT NULL,
	`client_name` text NOT NULL,
	`issued_at` integer NOT NULL,
	`currency_code` text NOT NULL,
	`minor_unit_digits` integer NOT NULL,
	`balance_after` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_entryId_unique` ON `receipts` (`entry_id`);