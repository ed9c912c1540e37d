-- The lifecycle sweep and the reminder poller read "the first N due, earliest first, ties by key".
-- Indexes on the due time alone made PostgreSQL fetch and sort every due row to return N of them:
-- after a quiet night or an outage that is most of the customer base. Indexes in exactly the
-- order of those queries let each read stop after N index entries.
CREATE INDEX customers_due_in_order ON customers (next_due_at, customer_id) WHERE next_due_at IS NOT NULL;
DROP INDEX customers_due;

CREATE INDEX reminders_due_in_order ON reminders (due_at, grain_type, grain_key, name);
DROP INDEX reminders_by_due;
