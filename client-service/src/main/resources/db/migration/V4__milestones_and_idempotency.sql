-- Litigation milestones on a client's case, recorded by the firm's solicitors (or their systems) and
-- the case team. The free-text note stays here; events carry only the kind and dates.
create table litigation_milestone (
    id          uuid        primary key,
    client_id   uuid        not null references client (id),
    kind        text        not null,
    occurred_on date        not null,
    due_on      date,
    note        text,
    firm_id     text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);

create index litigation_milestone_client on litigation_milestone (client_id, occurred_on desc, recorded_at desc);

-- Idempotency keys sent by integrating systems: a retried request with the same key answers with
-- what the first one created instead of doing it again. Keys are scoped to one client and operation.
create table idempotency_key (
    id              uuid        primary key,
    client_id       uuid        not null references client (id),
    operation       text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    resource_id     uuid        not null,
    created_at      timestamptz not null,
    unique (client_id, operation, idempotency_key)
);

-- Why and by whom a client's personal data was erased. Holds no personal data itself, so it is
-- kept with the emptied client row and the audit log.
create table erasure_record (
    client_id uuid        primary key references client (id),
    erased_at timestamptz not null,
    erased_by text        not null,
    reason    text        not null
);
