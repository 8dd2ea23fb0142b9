-- Email waiting to be sent: at once, after quiet hours, or in the next daily digest. Survives restarts;
-- the sender claims due rows with FOR UPDATE SKIP LOCKED, so replicas never send one twice.
create table email_delivery (
    id           uuid        primary key,
    event_id     uuid        not null,
    recipient_id text        not null,
    client_id    uuid        not null,
    event_type   text        not null,
    category     text        not null,
    title        text        not null,
    link         text        not null,
    digest       boolean     not null,
    due_at       timestamptz not null,
    status       text        not null,
    attempts     int         not null default 0,
    last_error   text,
    created_at   timestamptz not null,
    finished_at  timestamptz,
    constraint email_delivery_once unique (event_id, recipient_id)
);

create index email_delivery_due on email_delivery (due_at) where status = 'PENDING';
