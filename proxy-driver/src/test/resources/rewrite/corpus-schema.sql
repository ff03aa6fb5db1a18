-- Tables the corpus runs against. ${status} is replaced by the status column definition of the phase
-- (empty while the column does not exist yet); ${status_value} by the value each seeded row stores.
DROP TABLE IF EXISTS tags, orders, users;
CREATE TABLE users (
    id         bigint PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL UNIQUE,
    deleted_at timestamptz,
    balance    numeric(12,2) NOT NULL DEFAULT 0,
    profile    jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    version    int NOT NULL DEFAULT 0
    ${status}
);
CREATE TABLE orders (
    id         bigint PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users,
    total      numeric(12,2) NOT NULL,
    status     text NOT NULL,
    note       text,
    created_at timestamptz NOT NULL DEFAULT '2020-01-01'
);
CREATE TABLE tags (
    id      bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users,
    label   text NOT NULL
);
INSERT INTO users (id, name, email, deleted_at, balance, profile, created_at ${status_column})
SELECT g, 'user ' || g, 'u' || g || '@example.com',
       CASE WHEN g % 5 = 0 THEN timestamptz '2024-01-01' END,
       g * 10,
       jsonb_build_object('plan', CASE WHEN g % 2 = 0 THEN 'pro' ELSE 'free' END, 'age', g),
       timestamptz '2020-01-01' + g * interval '1 hour'
       ${status_value}
FROM generate_series(1, 20) g ORDER BY g;
INSERT INTO orders (id, user_id, total, status, note)
SELECT g, (g % 20) + 1, g * 3.5, CASE g % 3 WHEN 0 THEN 'paid' WHEN 1 THEN 'open' ELSE 'active' END, 'note ' || g
FROM generate_series(1, 40) g ORDER BY g;
INSERT INTO tags (id, user_id, label)
SELECT g, (g % 10) + 1, CASE g % 3 WHEN 0 THEN 'red' WHEN 1 THEN 'blue' ELSE 'active' END
FROM generate_series(1, 30) g ORDER BY g;
ANALYZE users;
ANALYZE orders;
ANALYZE tags
