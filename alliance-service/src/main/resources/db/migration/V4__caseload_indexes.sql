-- The caseload view at scale (a caseload of 40 among 100,000 clients and a million responses): each index the view
-- reads now also carries the columns it needs, so every step is an index-only probe proportional to the caseload,
-- never to the tables. Names stay as they were; only the definitions grow.

-- A case manager's memberships: client and whether it is still a case-manager membership.
drop index care_circle_member_user;
create index care_circle_member_user on care_circle_member (user_id, client_id) include (role, left_on);

-- The measured pairs of the caseload's clients.
drop index care_circle_member_client;
create index care_circle_member_client on care_circle_member (client_id) include (user_id, role, left_on);

-- A team lead's clients, in client order.
drop index client_ref_team;
create index client_ref_team on client_ref (organisation_id, team_id, client_id) include (discharged_on);

-- A pair's history in order (rules, trend, caseload): the latest rating is one backward step, the first three ratings
-- and the first and latest outcome scores a few steps, all without visiting the table. The id breaks ties in time.
drop index feedback_response_pair;
create index feedback_response_pair on feedback_response (client_id, professional_id, recorded_at, id)
    include (rater, measure_id, total, percent_of_max, in_concern_range);

-- The caseload's episodes, counted per pair and in total in one pass.
drop index rupture_episode_client;
create index rupture_episode_client on rupture_episode (client_id, detected_at)
    include (professional_id, state, repaired, ended_at);
