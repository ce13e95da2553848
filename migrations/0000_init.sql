CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`staff_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`absolute_expires_at` integer NOT NULL,
	`ip` text NOT NULL,
	`workstation` text,
	`ended_at` integer,
	`end_reason` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_tokenHash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`last_login_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`password_changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_unique` ON `staff` (`username`);--> statement-breakpoint
CREATE TABLE `activity_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`ts` integer NOT NULL,
	`type` text NOT NULL,
	`category` text NOT NULL,
	`event` text NOT NULL,
	`outcome` text NOT NULL,
	`actor_id` integer,
	`actor_name` text,
	`ip` text,
	`workstation` text,
	`description` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`target_label` text,
	`client_id` integer,
	`router_id` integer,
	`details` text,
	`correlation_id` text,
	`row_hash` blob NOT NULL,
	`tags` text GENERATED ALWAYS AS ('ty_' || type || ' ca_' || category || ' ev_' || replace(event, '.', '_') || ' oc_' || outcome || ' ac_' || coalesce(actor_id, 'none') || coalesce(' ip_' || replace(replace(ip, '.', '_'), ':', '_'), '') || CASE WHEN ip GLOB '[0-9]*.[0-9]*.[0-9]*.[0-9]*' THEN ' n8_' || substr(ip, 1, instr(ip, '.') - 1) || ' n16_' || replace(substr(ip, 1, (instr(ip, '.') + instr(substr(ip, instr(ip, '.') + 1), '.')) - 1), '.', '_') || ' n24_' || replace(substr(ip, 1, ((instr(ip, '.') + instr(substr(ip, instr(ip, '.') + 1), '.')) + instr(substr(ip, (instr(ip, '.') + instr(substr(ip, instr(ip, '.') + 1), '.')) + 1), '.')) - 1), '.', '_') ELSE '' END) VIRTUAL
);
--> statement-breakpoint
CREATE INDEX `activity_log_client_idx` ON `activity_log` (`client_id`) WHERE client_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `activity_log_router_idx` ON `activity_log` (`router_id`) WHERE router_id IS NOT NULL;
