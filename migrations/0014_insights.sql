CREATE TABLE `job_run_hours` (
	`hour` integer NOT NULL,
	`job` text NOT NULL,
	`runs` integer NOT NULL,
	`failures` integer NOT NULL,
	`total_ms` integer NOT NULL,
	`max_ms` integer NOT NULL,
	`max_at` integer NOT NULL,
	PRIMARY KEY(`hour`, `job`)
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`started_at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`outcome` text NOT NULL,
	`trigger` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `job_runs_started_idx` ON `job_runs` (`started_at`);--> statement-breakpoint
CREATE TABLE `router_health_hourly` (
	`router_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`samples` integer NOT NULL,
	`failed` integer NOT NULL,
	`latency_sum` integer NOT NULL,
	`latency_count` integer NOT NULL,
	`latency_max` integer,
	`outages` integer NOT NULL,
	PRIMARY KEY(`router_id`, `hour`),
	FOREIGN KEY (`router_id`) REFERENCES `routers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `router_health_hourly_hour_idx` ON `router_health_hourly` (`hour`);
--> statement-breakpoint
-- Each health sample adds to its router's hour: one upsert per sample (every few minutes per
-- router). An outage starts at a failed poll whose previous poll was good (or that has none).
CREATE TRIGGER `router_health_samples_ai_hourly` AFTER INSERT ON `router_health_samples` BEGIN
  INSERT INTO router_health_hourly
    (router_id, hour, samples, failed, latency_sum, latency_count, latency_max, outages)
  VALUES (
    new.router_id, new.ts / 3600000, 1, CASE WHEN new.ok THEN 0 ELSE 1 END,
    coalesce(new.latency_ms, 0), CASE WHEN new.latency_ms IS NULL THEN 0 ELSE 1 END,
    new.latency_ms,
    CASE WHEN new.ok THEN 0 WHEN coalesce((
      SELECT ok FROM router_health_samples
      WHERE router_id = new.router_id AND ts < new.ts ORDER BY ts DESC LIMIT 1
    ), 1) THEN 1 ELSE 0 END
  )
  ON CONFLICT DO UPDATE SET
    samples = samples + 1,
    failed = failed + excluded.failed,
    latency_sum = latency_sum + excluded.latency_sum,
    latency_count = latency_count + excluded.latency_count,
    latency_max = CASE
      WHEN excluded.latency_max IS NULL THEN latency_max
      WHEN latency_max IS NULL THEN excluded.latency_max
      ELSE max(latency_max, excluded.latency_max) END,
    outages = outages + excluded.outages;
END;
--> statement-breakpoint
INSERT INTO router_health_hourly
  (router_id, hour, samples, failed, latency_sum, latency_count, latency_max, outages)
SELECT router_id, ts / 3600000, count(*), sum(CASE WHEN ok THEN 0 ELSE 1 END),
  coalesce(sum(latency_ms), 0), count(latency_ms), max(latency_ms),
  sum(CASE WHEN ok = 0 AND prev <> 0 THEN 1 ELSE 0 END)
FROM (
  SELECT router_id, ts, ok, latency_ms,
    lag(ok, 1, 1) OVER (PARTITION BY router_id ORDER BY ts) AS prev
  FROM router_health_samples
)
GROUP BY 1, 2;
