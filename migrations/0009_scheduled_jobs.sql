CREATE TABLE `scheduled_jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`last_started_at` integer,
	`last_duration_ms` integer,
	`last_outcome` text,
	`last_summary` text,
	`last_error` text,
	`last_trigger` text,
	`last_actor` text,
	`last_success_at` integer,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
