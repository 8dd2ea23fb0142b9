-- Webhook subscriptions of organisations' systems (solicitors' case-management systems).
create table webhook_subscription (
    id                    uuid        primary key,
    organisation_id       text        not null,
    url                   text        not null,
    event_types           text        not null,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_by            text        not null,
    created_at            timestamptz not null
);

create index webhook_subscription_org on webhook_subscription (organisation_id);

-- One delivery per (event, subscription); kept in the database so retries survive restarts. The sender
-- claims due rows with FOR UPDATE SKIP LOCKED.
create table webhook_delivery (
    id               uuid        primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    event_id         uuid        not null,
    client_id        uuid        not null,
    event_type       text        not null,
    category         text        not null,
    body             text        not null,
    status           text        not null,
    attempts         int         not null default 0,
    window_start     timestamptz not null,
    next_attempt_at  timestamptz not null,
    last_status_code int,
    last_error       text,
    created_at       timestamptz not null,
    finished_at      timestamptz,
    constraint webhook_delivery_once unique (event_id, subscription_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc);

-- Every attempt, for the delivery log.
create table webhook_attempt (
    id           bigint      generated always as identity primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  int         not null
);

create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
