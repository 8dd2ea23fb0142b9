-- Audit: every read and write of client data, who did it and on what basis. Holds ids only, so it
-- survives erasure without keeping personal data. Shared by every service (Flyway location db/platform).
create table audit_entry (
    id          bigserial   primary key,
    at          timestamptz not null default now(),
    client_id   uuid        not null,
    actor_id    text        not null,
    actor_roles text        not null,
    action      text        not null,
    resource    text        not null,
    basis       text        not null
);

create index audit_entry_client on audit_entry (client_id, at desc, id desc);
