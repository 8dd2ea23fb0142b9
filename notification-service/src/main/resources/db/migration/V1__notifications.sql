-- One row per (event, recipient, channel): redelivered events cannot notify anyone twice.
create table notification (
    id           uuid        primary key,
    event_id     uuid        not null,
    recipient_id text        not null,
    channel      text        not null,
    client_id    uuid        not null,
    event_type   text        not null,
    title        text        not null,
    link         text        not null,
    created_at   timestamptz not null,
    read_at      timestamptz,
    constraint notification_once unique (event_id, recipient_id, channel)
);

create index notification_inbox on notification (recipient_id, created_at desc, id);
