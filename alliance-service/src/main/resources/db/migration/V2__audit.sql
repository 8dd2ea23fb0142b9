-- Every read and write of a client's alliance data, with its basis. Ids only, so entries outlive erasure.
create table audit_entry (
    id        uuid        primary key,
    client_id uuid        not null,
    user_id   text        not null,
    roles     text        not null,
    action    text        not null,
    resource  text        not null,
    basis     text        not null,
    at        timestamptz not null
);
create index audit_entry_client on audit_entry (client_id, at);
