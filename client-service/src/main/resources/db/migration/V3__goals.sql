-- Goals: what the client wants to achieve, in their own words, the tasks agreed towards it, who
-- agreed it with them, and the progress recorded along the way.
create table goal (
    id               uuid        primary key,
    client_id        uuid        not null references client (id),
    statement        text        not null,
    status           text        not null,
    target_date      date,
    -- The latest progress estimate (0-100), copied from the newest progress note that gave one.
    progress_percent integer     check (progress_percent between 0 and 100),
    achieved_on      date,
    set_by           text        not null,
    set_at           timestamptz not null,
    updated_by       text        not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

create index goal_client on goal (client_id, set_at, id);

-- The tasks agreed with the client, in the order agreed.
create table goal_task (
    goal_id  uuid    not null references goal (id) on delete cascade,
    position integer not null,
    task     text    not null,
    primary key (goal_id, position)
);

-- The professionals (user ids) who agreed the goal with the client.
create table goal_agreed_by (
    goal_id uuid not null references goal (id) on delete cascade,
    user_id text not null,
    primary key (goal_id, user_id)
);

create table goal_progress (
    id               uuid        primary key,
    goal_id          uuid        not null references goal (id) on delete cascade,
    client_id        uuid        not null references client (id),
    noted_on         date        not null,
    note             text        not null,
    progress_percent integer     check (progress_percent between 0 and 100),
    author_id        text        not null,
    recorded_at      timestamptz not null
);

create index goal_progress_goal on goal_progress (goal_id, noted_on, recorded_at);
create index goal_progress_client on goal_progress (client_id);
