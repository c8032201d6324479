-- Responses of /openai/v1/responses kept for previous_response_id and item_reference (gateway.openai.responses).
-- One row per stored response: the whole conversation up to and including its output, as a JSON array of Responses
-- API items (reasoning items carry their signature in encrypted_content). A key only ever reads its own rows.
-- Rows past expires_at are never read and are deleted by a periodic sweep. Portable SQL: H2 2.x and PostgreSQL.
CREATE TABLE openai_response (
    response_id  VARCHAR(64)              NOT NULL PRIMARY KEY,
    api_key      VARCHAR(200)             NOT NULL,
    model        VARCHAR(256)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    items        TEXT                     NOT NULL
);

CREATE INDEX openai_response_expiry ON openai_response (expires_at);
