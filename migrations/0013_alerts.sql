CREATE TABLE `alert_emails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` integer NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`next_attempt_at` integer,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `alert_emails_status_idx` ON `alert_emails` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `alert_known_sources` (
	`staff_id` integer NOT NULL,
	`address` text NOT NULL,
	`first_seen` integer NOT NULL,
	`last_seen` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `address`)
);
--> statement-breakpoint
CREATE TABLE `alert_rule_state` (
	`rule` text NOT NULL,
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	`amount` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`rule`, `key`)
);
--> statement-breakpoint
CREATE INDEX `alert_rule_state_window_idx` ON `alert_rule_state` (`window_start`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule` text NOT NULL,
	`severity` text NOT NULL,
	`group_key` text NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`count` integer NOT NULL,
	`entry_ids` text NOT NULL,
	`pivot` text NOT NULL,
	`note` text,
	`acknowledged_by` text,
	`acknowledged_at` integer,
	`resolved_by` text,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `alerts_group_idx` ON `alerts` (`rule`,`group_key`,`status`);--> statement-breakpoint
CREATE INDEX `alerts_status_idx` ON `alerts` (`status`,`last_at`);