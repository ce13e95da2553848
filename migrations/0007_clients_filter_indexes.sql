DROP INDEX `clients_name_idx`;--> statement-breakpoint
DROP INDEX `clients_status_name_idx`;--> statement-breakpoint
DROP INDEX `clients_expires_idx`;--> statement-breakpoint
DROP INDEX `clients_status_expires_idx`;--> statement-breakpoint
DROP INDEX `clients_balance_idx`;--> statement-breakpoint
DROP INDEX `clients_status_balance_idx`;--> statement-breakpoint
DROP INDEX `clients_status_id_idx`;--> statement-breakpoint
DROP INDEX `clients_plan_idx`;--> statement-breakpoint
DROP INDEX `clients_router_idx`;--> statement-breakpoint
CREATE INDEX `clients_name_idx` ON `clients` (`name_key`,`id`,`status`,`plan_id`,`router_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `clients_status_name_idx` ON `clients` (`status`,`name_key`,`id`,`plan_id`,`router_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `clients_expires_idx` ON `clients` (`expires_at`,`id`,`status`,`plan_id`,`router_id`);--> statement-breakpoint
CREATE INDEX `clients_status_expires_idx` ON `clients` (`status`,`expires_at`,`id`,`plan_id`,`router_id`);--> statement-breakpoint
CREATE INDEX `clients_balance_idx` ON `clients` (`balance`,`id`,`status`,`plan_id`,`router_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `clients_status_balance_idx` ON `clients` (`status`,`balance`,`id`,`plan_id`,`router_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `clients_status_id_idx` ON `clients` (`status`,`id`,`plan_id`,`router_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `clients_plan_idx` ON `clients` (`plan_id`,`status`,`router_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `clients_router_idx` ON `clients` (`router_id`,`status`,`plan_id`,`expires_at`) WHERE router_id IS NOT NULL;