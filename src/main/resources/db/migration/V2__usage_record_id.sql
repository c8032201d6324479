-- Idempotent ledger writes: every record carries a unique id made by the gateway, and an insert whose id is
-- already present is skipped (a replay of the journal after a crash or an outage). Rows written before this
-- migration have no id; NULLs never collide in a unique constraint, on H2 and PostgreSQL alike.
ALTER TABLE usage_record ADD COLUMN record_id VARCHAR(36);
ALTER TABLE usage_record ADD CONSTRAINT usage_record_record_id UNIQUE (record_id);
