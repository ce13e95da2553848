-- Counts per hour, per day and per 32-day period by type, category, outcome and staff member
-- (0 = none), kept by triggers: histograms and facet counts read a few thousand rows here instead
-- of scanning the log. Buckets are UTC hours, UTC days and 32-day periods (epoch ms / 3 600 000,
-- / 86 400 000 and / 2 764 800 000): each level is a whole number of the one below.
CREATE TABLE `activity_hourly` (
  `hour` integer NOT NULL,
  `type` text NOT NULL,
  `category` text NOT NULL,
  `outcome` text NOT NULL,
  `actor_id` integer NOT NULL,
  `n` integer NOT NULL,
  PRIMARY KEY (`hour`, `type`, `category`, `outcome`, `actor_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `activity_daily` (
  `day` integer NOT NULL,
  `type` text NOT NULL,
  `category` text NOT NULL,
  `outcome` text NOT NULL,
  `actor_id` integer NOT NULL,
  `n` integer NOT NULL,
  PRIMARY KEY (`day`, `type`, `category`, `outcome`, `actor_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `activity_period` (
  `period` integer NOT NULL,
  `type` text NOT NULL,
  `category` text NOT NULL,
  `outcome` text NOT NULL,
  `actor_id` integer NOT NULL,
  `n` integer NOT NULL,
  PRIMARY KEY (`period`, `type`, `category`, `outcome`, `actor_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `activity_log_ai_rollup` AFTER INSERT ON `activity_log` BEGIN
  INSERT INTO activity_hourly (hour, type, category, outcome, actor_id, n)
  VALUES (new.ts / 3600000, new.type, new.category, new.outcome, coalesce(new.actor_id, 0), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO activity_daily (day, type, category, outcome, actor_id, n)
  VALUES (new.ts / 86400000, new.type, new.category, new.outcome, coalesce(new.actor_id, 0), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO activity_period (period, type, category, outcome, actor_id, n)
  VALUES (new.ts / 2764800000, new.type, new.category, new.outcome, coalesce(new.actor_id, 0), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_log_ad_rollup` AFTER DELETE ON `activity_log` BEGIN
  UPDATE activity_hourly SET n = n - 1
  WHERE hour = old.ts / 3600000 AND type = old.type AND category = old.category
    AND outcome = old.outcome AND actor_id = coalesce(old.actor_id, 0);
  UPDATE activity_daily SET n = n - 1
  WHERE day = old.ts / 86400000 AND type = old.type AND category = old.category
    AND outcome = old.outcome AND actor_id = coalesce(old.actor_id, 0);
  UPDATE activity_period SET n = n - 1
  WHERE period = old.ts / 2764800000 AND type = old.type AND category = old.category
    AND outcome = old.outcome AND actor_id = coalesce(old.actor_id, 0);
END;
--> statement-breakpoint
INSERT INTO activity_hourly (hour, type, category, outcome, actor_id, n)
SELECT ts / 3600000, type, category, outcome, coalesce(actor_id, 0), count(*)
FROM activity_log GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO activity_daily (day, type, category, outcome, actor_id, n)
SELECT ts / 86400000, type, category, outcome, coalesce(actor_id, 0), count(*)
FROM activity_log GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO activity_period (period, type, category, outcome, actor_id, n)
SELECT ts / 2764800000, type, category, outcome, coalesce(actor_id, 0), count(*)
FROM activity_log GROUP BY 1, 2, 3, 4, 5;
