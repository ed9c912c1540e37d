-- Messages between nodes travel as NOTIFY payloads, which PostgreSQL caps at 8000 bytes; a longer
-- one is stored here and the notification carries its id. Rows are deleted after a few minutes.
CREATE TABLE node_message_bodies (
    id         bigserial   PRIMARY KEY,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX node_message_bodies_by_age ON node_message_bodies (created_at);
