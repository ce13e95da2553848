CREATE TABLE `router_health` (
	`router_id` integer PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`status_since` integer NOT NULL,
	`last_poll_at` integer,
	`last_seen_at` integer,
	`last_error` text,
	`identity` text,
	`version` text,
	`board` text,
	`uptime_sec` integer,
	`cpu_load` integer,
	`memory_used_pct` integer,
	`active_sessions` integer,
	`latency_ms` integer,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`flapping` integer DEFAULT false NOT NULL,
	`cpu_high` integer DEFAULT false NOT NULL,
	`memory_high` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`router_id`) REFERENCES `routers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `router_health_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`router_id` integer NOT NULL,
	`ts` integer NOT NULL,
	`ok` integer NOT NULL,
	`latency_ms` integer,
	`cpu_load` integer,
	`memory_used_pct` integer,
	`active_sessions` integer,
	`uptime_sec` integer,
	FOREIGN KEY (`router_id`) REFERENCES `routers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `router_health_samples_router_ts_idx` ON `router_health_samples` (`router_id`,`ts`);--> statement-breakpoint
CREATE TABLE `routers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`host` text NOT NULL,
	`port` integer,
	`tls` text NOT NULL,
	`api_user` text NOT NULL,
	`password_box` text NOT NULL,
	`poll_interval_sec` integer NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `routers_name_unique` ON `routers` (`name`);--> statement-breakpoint
CREATE TABLE `sync_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`router_id` integer NOT NULL,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`stale_name` text,
	`correlation_id` text NOT NULL,
	`reason` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`needs_kick` integer DEFAULT false NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_attempt_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`router_id`) REFERENCES `routers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_queue_subject_idx` ON `sync_queue` (`router_id`,`subject`,`subject_id`,`id`);--> statement-breakpoint
CREATE INDEX `sync_queue_due_idx` ON `sync_queue` (`next_attempt_at`);