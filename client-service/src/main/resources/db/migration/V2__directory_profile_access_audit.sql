-- Organisations (case-management companies and law firms), their teams and their professionals.
-- Identity comes from the identity provider; this directory lets the API check who can be added
-- to a care circle and show names for user ids.
create table organisation (
    id         text        primary key,
    name       text        not null,
    kind       text        not null,
    created_at timestamptz not null default now()
);

create table team (
    id              text        primary key,
    organisation_id text        not null references organisation (id),
    name            text        not null,
    created_at      timestamptz not null default now(),
    unique (organisation_id, name)
);

create table professional (
    user_id         text        primary key,
    organisation_id text        not null references organisation (id),
    display_name    text        not null,
    role            text        not null,
    discipline      text,
    email           text,
    active          boolean     not null default true,
    created_at      timestamptz not null default now()
);

create table professional_team (
    user_id text not null references professional (user_id),
    team_id text not null references team (id),
    primary key (user_id, team_id)
);

-- The client's profile: contact, language, needs, cultural context in their own words, and
-- preferences about their professionals.
alter table client
    add column preferred_name           text,
    add column nhs_number               text,
    add column phone                    text,
    add column email                    text,
    add column address_line1            text,
    add column address_line2            text,
    add column town                     text,
    add column postcode                 text,
    add column preferred_language       text,
    add column interpreter_needed       boolean not null default false,
    add column communication_needs      text,
    add column accessibility_needs      text,
    add column cultural_context         text,
    add column faith_context            text,
    add column pref_professional_gender text,
    add column pref_cultural_background text,
    add column pref_directiveness       text,
    add column pref_challenge           text,
    add column pref_times               text,
    add column pref_settings            text,
    add column updated_at               timestamptz,
    add column updated_by               text,
    -- Ending
    add column discharged_on            date,
    add column discharge_ending         text,
    add column discharge_reason         text,
    add column discharged_by            text,
    -- Record-keeping agreement: who sees the records and how long they are kept after discharge.
    add column records_shared_with      text,
    add column records_retention        text not null default 'P8Y',
    add column record_keeping_agreed_on date,
    -- Erasure keeps an empty row (id, reference, organisation, team) so late events and audit refer to something.
    add column erased_at                timestamptz,
    add column erased_by                text;

alter table client alter column given_name drop not null, alter column family_name drop not null;

create index client_family_name on client (organisation_id, lower(family_name), lower(given_name), id);

alter table care_circle_member
    add column discipline      text,
    add column organisation_id text,
    add column display_name    text,
    add column relationship    text,
    add column phone           text,
    add column email           text,
    add column added_by        text,
    add column ended_by        text;

-- One open membership per person per client.
create unique index care_circle_member_open on care_circle_member (client_id, user_id)
    where left_on is null and user_id is not null;
alter table care_circle_member alter column user_id drop not null;

-- Consent: what the client agreed to share with whom, and every change to it (nothing is updated
-- in place except a grant's withdrawal, which keeps its row).
create table consent_record (
    id                  uuid        primary key,
    client_id           uuid        not null references client (id),
    category            text        not null,
    recipient_role      text,
    recipient_member_id uuid        references care_circle_member (id),
    decision            text        not null,
    effective_from      date        not null,
    effective_until     date,
    note                text,
    recorded_by         text        not null,
    recorded_at         timestamptz not null,
    check ((recipient_role is null) <> (recipient_member_id is null))
);

create index consent_record_client on consent_record (client_id, category);
-- The case: referral, rehabilitation context, funding and litigation. The firm named here is the
-- law firm whose solicitors may see the client (within consent).
create table client_case (
    client_id              uuid        primary key references client (id),
    referral_date          date,
    referral_source        text,
    injury_context         text,
    rehabilitation_context text,
    funding_source         text,
    funding_reference      text,
    firm_id                text,
    solicitor_reference    text,
    litigation_stage       text,
    updated_at             timestamptz not null,
    updated_by             text        not null
);

create index client_case_firm on client_case (firm_id);
