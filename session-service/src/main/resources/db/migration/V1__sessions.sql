-- The exclusion constraint on a professional's booked time needs equality on text inside a GiST index.
create extension if not exists btree_gist;

-- Care-circle read model, built from rapport.clients.v1: who may see a client's sessions.
create table care_client (
    client_id        uuid primary key,
    client_reference text not null,
    organisation_id  text not null,
    team_id          text not null
);

create table care_member (
    member_id uuid primary key,
    client_id uuid not null,
    user_id   text,
    role      text not null,
    joined_on date not null,
    left_on   date
);
create index care_member_client_user on care_member (client_id, user_id);

create table care_consent (
    id                  bigserial primary key,
    consent_id          uuid not null,
    client_id           uuid not null,
    category            text not null,
    recipient_role      text,
    recipient_member_id uuid,
    decision            text not null check (decision in ('GRANTED', 'WITHDRAWN')),
    effective_from      date not null,
    effective_until     date,
    recorded_at         timestamptz not null
);
create index care_consent_client on care_consent (client_id, category);

create table series (
    id         uuid primary key,
    client_id  uuid not null,
    rrule      text not null,
    time_zone  text not null,
    created_by text not null,
    created_at timestamptz not null
);
create index series_client on series (client_id);

create table session (
    id               uuid primary key,
    client_id        uuid not null,
    series_id        uuid references series (id) on delete cascade,
    rescheduled_from uuid references session (id) on delete set null,
    type             text not null,
    status           text not null check (status in ('SCHEDULED', 'ATTENDED', 'CANCELLED', 'MISSED', 'RESCHEDULED')),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    time_zone        text not null,
    location         text,
    remote_link      text,
    language         text,
    interpreter      boolean not null default false,
    minutes_late     integer,
    cancelled_by     text,
    reason_code      text,
    hours_notice     double precision,
    created_by       text not null,
    created_at       timestamptz not null,
    updated_by       text,
    updated_at       timestamptz,
    version          bigint not null default 0,
    check (ends_at > starts_at)
);
create index session_client_start on session (client_id, starts_at);

-- One row per professional in a session. While the session holds the time (scheduled or attended),
-- no two rows of one professional may overlap: the database enforces it, whatever the concurrency.
create table session_professional (
    id         bigserial primary key,
    session_id uuid not null references session (id) on delete cascade,
    client_id  uuid not null,
    user_id    text not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    holds_time boolean not null,
    slot       tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    unique (session_id, user_id),
    constraint session_professional_no_double_booking
        exclude using gist (user_id with =, slot with &&) where (holds_time)
);
create index session_professional_user_start on session_professional (user_id, starts_at);

-- Contracted sessions per client–professional pair.
create table session_contract (
    id               uuid primary key,
    client_id        uuid not null,
    professional_id  text not null,
    sessions_agreed  integer not null check (sessions_agreed between 1 and 500),
    frequency        text,
    starts_on        date not null,
    ending_raised_at timestamptz,
    ending_kind      text check (ending_kind in ('PLANNED', 'UNPLANNED')),
    ended_on         date,
    created_by       text not null,
    created_at       timestamptz not null
);
create unique index session_contract_open_pair on session_contract (client_id, professional_id) where ended_on is null;

-- Confidential session notes: never in events, every read audited.
create table session_note (
    id         uuid primary key,
    session_id uuid not null references session (id) on delete cascade,
    client_id  uuid not null,
    author_id  text not null,
    body       text not null,
    created_at timestamptz not null
);
create index session_note_session on session_note (session_id);

create table calendar_feed (
    id              uuid primary key,
    professional_id text not null,
    token_hash      text not null unique,
    created_at      timestamptz not null,
    revoked_at      timestamptz
);
create unique index calendar_feed_active on calendar_feed (professional_id) where revoked_at is null;
