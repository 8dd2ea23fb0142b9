-- alliance-service: read model for authorization, responses and scores, rupture episodes, feedback links.

-- Clients as client-service announces them (organisation and team for team leads and event routing).
create table client_ref (
    client_id          uuid        primary key,
    organisation_id    text        not null,
    team_id            text        not null,
    preferred_language text,
    discharged_on      date,
    ending             text
);
create index client_ref_team on client_ref (organisation_id, team_id);

-- Care-circle membership, from careteam.member-joined / member-left.
create table care_circle_member (
    member_id  uuid primary key,
    client_id  uuid not null,
    user_id    text,
    role       text not null,
    joined_on  date not null,
    left_on    date
);
-- A user's memberships (access checks, a case manager's caseload).
create index care_circle_member_user on care_circle_member (user_id, client_id);
create index care_circle_member_client on care_circle_member (client_id);

-- Clients erased everywhere: late events about them are ignored, so nothing is rebuilt.
create table erased_client (
    client_id uuid        primary key,
    erased_at timestamptz not null
);

-- Wording an organisation imported for a measure shipped as structure only (the worded definition as a FHIR Questionnaire).
create table measure_wording (
    organisation_id text        not null,
    measure_id      text        not null,
    definition      jsonb       not null,
    imported_by     text        not null,
    imported_at     timestamptz not null,
    primary key (organisation_id, measure_id)
);

create table feedback_response (
    id               uuid             primary key,
    client_id        uuid             not null,
    professional_id  text             not null,
    measure_id       text             not null,
    rater            text             not null,
    session_id       uuid,
    language         text,
    answers          jsonb            not null,
    subscales        jsonb            not null,
    total            double precision not null,
    percent_of_max   double precision not null,
    in_concern_range boolean          not null,
    prorated         boolean          not null,
    recorded_by      text             not null,
    recorded_at      timestamptz      not null,
    link_id          uuid
);
-- A pair's history in order (rules, trend) and its latest rating (caseload view: one backward index probe per pair).
create index feedback_response_pair on feedback_response (client_id, professional_id, recorded_at);
create index feedback_response_client_latest on feedback_response (client_id, recorded_at desc);

create table rupture_episode (
    id               uuid        primary key,
    client_id        uuid        not null,
    professional_id  text        not null,
    state            text        not null,
    detected_at      timestamptz not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    ended_at         timestamptz,
    end_reason       text,
    resolved_by      uuid,
    repaired         boolean     not null default false,
    version          integer     not null default 0
);
-- At most one open episode per pair: signals extend it.
create unique index rupture_episode_one_open on rupture_episode (client_id, professional_id)
    where state in ('DETECTED', 'ACKNOWLEDGED', 'REPAIR_RECORDED');
create index rupture_episode_client on rupture_episode (client_id, detected_at);

create table rupture_signal (
    id          uuid        primary key,
    episode_id  uuid        not null references rupture_episode (id) on delete cascade,
    kind        text        not null,
    evidence    jsonb       not null,
    detected_at timestamptz not null
);
create index rupture_signal_episode on rupture_signal (episode_id);

create table repair_attempt (
    id          uuid        primary key,
    episode_id  uuid        not null references rupture_episode (id) on delete cascade,
    strategy    text        not null,
    note        text,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index repair_attempt_episode on repair_attempt (episode_id);

-- Client cancellations per pair, for the repeated-cancellations rule.
create table client_cancellation (
    session_id      uuid        not null,
    professional_id text        not null,
    client_id       uuid        not null,
    session_start   timestamptz not null,
    primary key (session_id, professional_id)
);
create index client_cancellation_pair on client_cancellation (client_id, professional_id, session_start);

-- One-time feedback links: only a hash of the token is kept.
create table feedback_link (
    id              uuid        primary key,
    token_hash      bytea       not null unique,
    client_id       uuid        not null,
    professional_id text        not null,
    measure_id      text        not null,
    session_id      uuid,
    language        text        not null,
    created_by      text        not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    response_id     uuid
);
create index feedback_link_client on feedback_link (client_id);
