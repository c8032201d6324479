-- Prompt-cache and reasoning tokens per call. From here on input_tokens holds the prompt tokens neither read from
-- nor written to the cache (rows written before hold every prompt token there, and zero in the new columns).
-- reasoning_tokens is the share of output_tokens spent reasoning. One column per statement: H2 and PostgreSQL.
ALTER TABLE usage_record ADD COLUMN cache_read_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE usage_record ADD COLUMN cache_write_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE usage_record ADD COLUMN reasoning_tokens BIGINT DEFAULT 0 NOT NULL;
