-- Read model fed by client-service events: who is in each client's care circle, and what the client consented to.
create table client_record (
    client_id        uuid        primary key,
    client_reference text        not null,
    organisation_id  text        not null,
    team_id          text        not null,
    registered_at    timestamptz not null
);

create table care_circle_member (
    member_id       uuid        primary key,
    client_id       uuid        not null,
    user_id         text,
    role            text        not null,
    organisation_id text,
    joined_on       date        not null,
    left_on         date
);

create index care_circle_member_client on care_circle_member (client_id) where left_on is null;

-- Every consent decision as recorded, never overwritten: the latest in force decides.
create table consent_decision (
    event_id            uuid        primary key,
    consent_id          uuid        not null,
    client_id           uuid        not null,
    category            text        not null,
    recipient_role      text,
    recipient_member_id uuid,
    granted             boolean     not null,
    effective_from      date        not null,
    effective_until     date,
    recorded_at         timestamptz not null,
    constraint consent_decision_recipient check (recipient_role is not null or recipient_member_id is not null)
);

create index consent_decision_client on consent_decision (client_id, category);

-- The inbox: archived items leave the list, and a sequence gives the live stream its event ids.
alter table notification add column archived_at timestamptz;
alter table notification add column category text;
alter table notification add column seq bigint generated always as identity;
alter table notification add constraint notification_seq unique (seq);

create index notification_stream on notification (recipient_id, seq);

-- Each person's own settings: where email goes, their language, quiet hours (Europe/London).
create table recipient (
    user_id     text        primary key,
    email       text,
    language    text,
    quiet_start time,
    quiet_end   time,
    updated_at  timestamptz not null
);

-- Per event group: which channels, and at once or in a daily digest. No row means the defaults.
create table recipient_group_preference (
    user_id     text    not null references recipient (user_id) on delete cascade,
    event_group text    not null,
    in_app      boolean not null,
    email       boolean not null,
    digest      boolean not null,
    primary key (user_id, event_group)
);
