-- Sessions as session-service announces them (rapport.sessions.v1): enough to check that a session id given with a
-- response or a feedback link is one of that client's sessions, with that professional, that did not fall through.
create table session_ref (
    session_id uuid        primary key,
    client_id  uuid        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz,
    -- scheduled, attended, missed, cancelled or rescheduled (moved: a new session replaces it)
    status     text        not null
);
create index session_ref_client on session_ref (client_id);

create table session_ref_professional (
    session_id      uuid not null references session_ref (session_id) on delete cascade,
    professional_id text not null,
    primary key (session_id, professional_id)
);
