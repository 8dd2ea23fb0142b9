-- Shared by every service (Flyway location db/platform). Service migrations start at V1.

-- Transactional outbox: rows are written in the same transaction as the change they describe.
create table outbox_event (
    position     bigserial   primary key,
    id           uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    envelope     jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_event_unpublished on outbox_event (position) where published_at is null;

-- Wakes the relay when a transaction that wrote events commits (NOTIFY is delivered on commit).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('rapport_outbox', '');
    return null;
end
$$;

create trigger outbox_event_inserted
    after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
