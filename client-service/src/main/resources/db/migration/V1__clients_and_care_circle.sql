create table client (
    id              uuid        primary key,
    reference       text        not null unique,
    organisation_id text        not null,
    team_id         text        not null,
    given_name      text        not null,
    family_name     text        not null,
    date_of_birth   date,
    status          text        not null,
    registered_by   text        not null,
    registered_at   timestamptz not null,
    version         bigint      not null default 0
);

create index client_team on client (organisation_id, team_id);

-- Who works with the client. Authorization is decided from here, not from roles alone.
create table care_circle_member (
    id        uuid primary key,
    client_id uuid not null references client (id),
    user_id   text not null,
    role      text not null,
    joined_on date not null,
    left_on   date
);

create index care_circle_member_user on care_circle_member (user_id) where left_on is null;
create index care_circle_member_client on care_circle_member (client_id);
