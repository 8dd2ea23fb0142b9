-- B5 data: what alliance-service holds for a large group of organisations, generated straight into its own schema
-- after Flyway has run. Sizes come from settings the harness sets first (bench.clients, bench.sessions,
-- bench.responses, bench.measured_case_managers). The random generator is seeded and the harness turns parallel
-- query off, so every run builds the same data.
--
-- The shape: ~40 organisations of very different sizes; teams of eight case managers; caseloads of 4 to 80 open
-- cases (the measured case managers have exactly 40); ~28 % of clients whose case closed (membership ended), a few
-- of them erased; one client in ten handed over between case managers; 0-2 therapists per client, support workers
-- and family. Sessions are weekly or fortnightly with therapists and monthly with case managers for as long as each
-- relationship lasted. Of a session alliance-service keeps only the id of the event it consumed and, for a client
-- cancellation, the cancellation. Responses follow the sessions at each pair's own feedback habit, a third through
-- one-time links; rupture episodes are more frequent where the alliance is weaker, and the latest one of a current
-- relationship is often still open.
--
-- One statement per paragraph, ending with ';' at the end of a line. Working tables are bench_* and are dropped.

create function bench_normal() returns float8 language sql volatile
    return sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random());

select setseed(0.42);

-- Case managers: the first ones are the measured ones. Open cases are numbered in caseload order.
create unlogged table bench_cm as
with candidates as (
    select n, case when n <= current_setting('bench.measured_case_managers')::int then 40
                   else greatest(4, least(80, round(36 + 12 * bench_normal())))::int end as caseload
    from generate_series(1, 10000) n),
cumulative as (
    select n, caseload, sum(caseload) over (order by n) as upto from candidates)
select n as cm_no, md5('case-manager-' || n)::uuid::text as user_id, (n - 1) / 8 + 1 as team_no,
       upto - caseload as after_client,
       least(upto, round(current_setting('bench.clients')::int * 0.72)::bigint) as last_client
from cumulative
where upto - caseload < round(current_setting('bench.clients')::int * 0.72);

-- Teams belong to organisations of very different sizes (a few large groups, many small firms).
create unlogged table bench_team as
select t as team_no, 'team-' || t as team_id, 1 + floor(40 * power(random(), 2))::int as org_no
from generate_series(1, (select max(team_no) from bench_cm)) t;

create unlogged table bench_client as
with open_cases as (
    select c as client_no, m.cm_no, true as open_case
    from bench_cm m, generate_series(m.after_client + 1, m.last_client) c),
closed_cases as (
    select c as client_no, 1 + floor(random() * (select count(*) from bench_cm))::int as cm_no, false as open_case
    from generate_series((select max(last_client) from bench_cm) + 1, current_setting('bench.clients')::int) c),
dated as (
    select a.*, m.team_no, m.user_id as cm_user_id, t.team_id, t.org_no,
           case when open_case then current_date - (power(random(), 1.5) * 730)::int
                else current_date - 180 - (random() * 900)::int end as referred,
           random() as r1, random() as r2
    from (select * from open_cases union all select * from closed_cases) a
         join bench_cm m using (cm_no) join bench_team t using (team_no))
select client_no, md5('client-' || client_no)::uuid as client_id, cm_no, cm_user_id, team_no, team_id, org_no,
       open_case, referred,
       case when not open_case then least(current_date - 60, referred + 90 + (r1 * 450)::int)
            when r1 < 0.06 and referred < current_date - 90 then current_date - (r2 * 60)::int end as discharged,
       case when r2 < 0.80 then 'en' when r2 < 0.85 then 'ur' when r2 < 0.90 then 'pl'
            else (array['pa', 'so', 'ro', 'ar', 'bn', 'tr', 'zh', 'ta', 'cy', 'pt-BR'])[1 + floor(random() * 10)::int] end
           as language,
       not open_case and r2 < 0.03 and referred < current_date - 900 as erased,
       random() as r_therapy, random() as r_therapist, random() as r_support, random() as r_family
from dated;

insert into erased_client (client_id, erased_at)
select client_id, (discharged + 400)::timestamptz from bench_client where erased;

insert into client_ref (client_id, organisation_id, team_id, preferred_language, discharged_on, ending)
select client_id, 'org-' || org_no, team_id, language, discharged,
       case when discharged is null then null when random() < 0.7 then 'planned' else 'unplanned' end
from bench_client where not erased;

-- Measured relationships (case managers and therapists): sessions, responses and episodes hang off them.
-- active_until: the last day of sessions; left_on: when the professional left the circle (null: still in it).
create unlogged table bench_pair (
    pair_no         serial primary key,
    client_id       uuid    not null,
    professional_id text    not null,
    role            text    not null,
    language        text    not null,
    start_on        date    not null,
    active_until    date    not null,
    left_on         date,
    interval_days   int     not null,
    feedback_rate   float8  not null,
    mean_total      float8  not null,
    sessions        int,
    responses       int
);

-- The current case manager: in the circle while the case is open (also in the weeks after a discharge).
insert into bench_pair (client_id, professional_id, role, language, start_on, active_until, left_on, interval_days,
                        feedback_rate, mean_total)
select client_id, cm_user_id, 'case-manager', language, referred, coalesce(discharged, current_date),
       case when not open_case then discharged + 30 end,
       28 + (random() * 14)::int, 0.3 + random() * 0.6, least(40, greatest(20, 35 + 2.5 * bench_normal()))
from bench_client where not erased;

-- One client in ten was handed over from another case manager of the same team.
insert into bench_pair (client_id, professional_id, role, language, start_on, active_until, left_on, interval_days,
                        feedback_rate, mean_total)
select c.client_id, m.user_id, 'case-manager', c.language, c.referred - 120, c.referred, c.referred, 35, 0.4,
       least(40, greatest(20, 34 + 3 * bench_normal()))
from bench_client c join bench_cm m on m.team_no = c.team_no and m.cm_no <> c.cm_no
                                   and m.cm_no = c.team_no * 8 - (c.client_no % 8)
where not c.erased and c.client_no % 10 = 3;

-- Therapists: none for 15 % of clients, one for 60 %, two for 25 %; each organisation has its own, some busier.
insert into bench_pair (client_id, professional_id, role, language, start_on, active_until, left_on, interval_days,
                        feedback_rate, mean_total)
select client_id, therapist, 'therapist', language, started, until,
       case when not open_case or until < current_date then until end,
       interval_days, feedback_rate, mean_total
from (
    select c.client_id, c.language, c.open_case,
           -- a second therapist is always another one of the organisation's 125
           md5('therapist-' || ((c.org_no - 1) * 125 + 1
               + (floor(power(c.r_therapist, 1.4) * 125)::int + (k - 1) * 61) % 125))::uuid::text as therapist,
           s.started,
           case when c.discharged is not null then greatest(s.started, c.discharged)
                when random() < 0.12 then least(current_date, s.started + 60 + (random() * 240)::int)
                else current_date end as until,
           case when random() < 0.7 then 7 else 14 end as interval_days,
           0.15 + random() * 0.8 as feedback_rate,
           least(40, greatest(14, 33.5 + 4 * bench_normal())) as mean_total
    from bench_client c
         cross join generate_series(1, 2) k
         cross join lateral (select least(current_date, c.referred + 14 + (random() * 45)::int + k) as started) s
    where not c.erased and ((k = 1 and c.r_therapy < 0.85) or (k = 2 and c.r_therapy < 0.25))) t;

-- The care circle: measured professionals, support workers (40 %) and family members (25 %, no account).
insert into care_circle_member (member_id, client_id, user_id, role, joined_on, left_on)
select md5('member-' || pair_no)::uuid, client_id, professional_id, role, start_on, left_on from bench_pair;

insert into care_circle_member (member_id, client_id, user_id, role, joined_on, left_on)
select md5('support-' || client_no)::uuid, client_id,
       md5('support-worker-' || ((org_no - 1) * 60 + 1 + floor(random() * 60)::int))::uuid::text, 'support-worker',
       least(current_date, referred + 21), case when not open_case then discharged + 30 end
from bench_client where not erased and r_support < 0.40;

insert into care_circle_member (member_id, client_id, user_id, role, joined_on, left_on)
select md5('family-' || client_no)::uuid, client_id, null, 'family', referred, null
from bench_client where not erased and r_family < 0.25;

-- Shares a total out over the pairs in proportion to bench_weight, exactly (largest remainders).
create unlogged table bench_weight (pair_no int primary key, raw float8 not null);

create function bench_share_out(total bigint) returns table (share_pair int, share_n int) language sql as $$
    with exact as (select pair_no, raw * total / sum(raw) over () as share from bench_weight),
    floors as (select pair_no, floor(share)::int as base, share - floor(share) as rest from exact)
    select pair_no, base + case when row_number() over (order by rest desc, pair_no) <= total - sum(base) over ()
                                then 1 else 0 end
    from floors
$$;

-- Exactly bench.sessions sessions, in proportion to how long and how often each pair met.
insert into bench_weight select pair_no, greatest(1, (active_until - start_on)::float8 / interval_days) from bench_pair;

update bench_pair p set sessions = share_n
from bench_share_out(current_setting('bench.sessions')::bigint) where share_pair = p.pair_no;

-- Exactly bench.responses responses, in proportion to sessions and the pair's feedback habit (therapists also
-- record their own check-ins, a quarter of their pairs' responses).
truncate bench_weight;

insert into bench_weight
select pair_no, sessions * feedback_rate * case when role = 'therapist' then 1.33 else 1 end from bench_pair;

update bench_pair p set responses = share_n
from bench_share_out(current_setting('bench.responses')::bigint) where share_pair = p.pair_no;

create unlogged table bench_session as
select p.pair_no, p.client_id, p.professional_id, k,
       md5('session-' || p.pair_no || '-' || k)::uuid as session_id,
       p.start_on + ((k - 0.5)::float8 / p.sessions) * (p.active_until - p.start_on) * interval '1 day'
           + interval '9 hours' + floor(random() * 8) * interval '1 hour' as starts_at,
       random() as outcome
from bench_pair p, generate_series(1, p.sessions) k;

-- The session events alliance-service consumed (attended 80 %, missed 6 %, moved at the client's request 4 %,
-- cancelled 10 %: by the professional 4 %, by the client 6 %), recorded once each.
insert into processed_event (consumer, event_id, event_type, processed_at)
select 'alliance-service', md5('session-event-' || session_id)::uuid,
       case when outcome < 0.80 then 'rapport.session.attended.v1' when outcome < 0.86 then 'rapport.session.missed.v1'
            when outcome < 0.90 then 'rapport.session.rescheduled.v1' else 'rapport.session.cancelled.v1' end,
       starts_at + interval '1 hour'
from bench_session;

-- What the client gave up: their cancellations and the moves they asked for.
insert into client_cancellation (session_id, professional_id, client_id, session_start, rescheduled)
select session_id, professional_id, client_id, starts_at, outcome < 0.90
from bench_session where outcome >= 0.94 or (outcome >= 0.86 and outcome < 0.90);

-- The client events it consumed: registrations, discharges, members joining and leaving.
insert into processed_event (consumer, event_id, event_type, processed_at)
select 'alliance-service', md5('client-event-' || client_no)::uuid, 'rapport.client.registered.v1', referred::timestamptz
from bench_client where not erased
union all
select 'alliance-service', md5('discharge-event-' || client_no)::uuid, 'rapport.client.discharged.v1', discharged::timestamptz
from bench_client where not erased and discharged is not null
union all
select 'alliance-service', md5('joined-event-' || member_id)::uuid, 'rapport.careteam.member-joined.v1', joined_on::timestamptz
from care_circle_member
union all
select 'alliance-service', md5('left-event-' || member_id)::uuid, 'rapport.careteam.member-left.v1', left_on::timestamptz
from care_circle_member where left_on is not null;

-- Consent: one client in thirty withdrew their alliance data from therapists (some later granted it again), a few
-- from one named therapist only.
insert into consent_decision (consent_id, client_id, recipient_role, recipient_member_id, granted, effective_from,
                              effective_until, recorded_at)
with first_therapist as (
    select distinct on (client_id) client_id, md5('member-' || pair_no)::uuid as member_id
    from bench_pair where role = 'therapist' order by client_id, pair_no)
select md5('consent-' || c.client_no || '-' || d)::uuid, c.client_id,
       case when (c.client_no / 30) % 4 = 0 and t.member_id is not null then null else 'therapist' end,
       case when (c.client_no / 30) % 4 = 0 then t.member_id end,
       d = 2, c.referred + 30 * d, null, (c.referred + 30 * d)::timestamptz
from bench_client c
     cross join generate_series(1, 2) d
     left join first_therapist t on t.client_id = c.client_id
where not c.erased and c.client_no % 30 = 7 and (d = 1 or c.client_no % 60 = 7);

-- Responses: client ratings after sessions (the session alliance check; with therapists some outcome measures
-- too) and every fourth response of a therapist pair the therapist's own check-in. A third come through links.
create unlogged table bench_response as
select r.*,
       case when r.measure_id = 'rapport-session-alliance-check' then least(40, greatest(0, round(r.level + 2.5 * bench_normal())))
            when r.measure_id = 'rapport-reflective-check-in' then least(40, greatest(0, round(r.level - 8 + 4 * bench_normal())))
            when r.measure_id = 'core-10' then least(40, greatest(0, round(14 + 6 * bench_normal())))
            else least(27, greatest(0, round(11 + 5 * bench_normal()))) end as total
from (
    select md5('response-' || p.pair_no || '-' || j)::uuid as id, p.client_id, p.professional_id, p.pair_no, j,
           p.mean_total as level,
           case when p.role = 'therapist' and j % 4 = 0 then 'rapport-reflective-check-in'
                when p.role = 'therapist' and j % 17 = 5 then 'core-10'
                when p.role = 'therapist' and j % 23 = 7 then 'phq-9'
                else 'rapport-session-alliance-check' end as measure_id,
           case when p.language in ('en', 'ur', 'pl') then p.language else 'en' end as language,
           md5('session-' || p.pair_no || '-' || greatest(1, ceil(j::float8 * p.sessions / p.responses)::int))::uuid
               as session_id,
           p.start_on + ((j - 0.5)::float8 / p.responses) * (p.active_until - p.start_on) * interval '1 day'
               + interval '10 hours' + (random() * interval '8 hours') as recorded_at,
           random() < 0.33 as through_link
    from bench_pair p, generate_series(1, p.responses) j) r;

insert into feedback_response (id, client_id, professional_id, measure_id, rater, session_id, language, answers,
                               subscales, total, percent_of_max, in_concern_range, prorated, recorded_by, recorded_at,
                               link_id)
select id, client_id, professional_id, measure_id,
       case when measure_id = 'rapport-reflective-check-in' then 'professional' else 'client' end,
       session_id, case when measure_id = 'rapport-reflective-check-in' then 'en' else language end,
       case when measure_id in ('rapport-session-alliance-check', 'rapport-reflective-check-in') then
                jsonb_build_object(
                    case when measure_id = 'rapport-session-alliance-check' then 'bond' else 'ease' end, ceil(total / 4),
                    case when measure_id = 'rapport-session-alliance-check' then 'goals' else 'difficult-topics' end, round(total / 4),
                    case when measure_id = 'rapport-session-alliance-check' then 'approach' else 'own-concerns' end, floor(total / 4),
                    case when measure_id = 'rapport-session-alliance-check' then 'overall' else 'working' end,
                        total - ceil(total / 4) - round(total / 4) - floor(total / 4))
            else (select jsonb_object_agg(i::text, least(items.top, greatest(0, round(total / items.count + (i % 3) - 1))))
                  from (select case when measure_id = 'phq-9' then 9 else 10 end as count,
                               case when measure_id = 'phq-9' then 3 else 4 end as top) items,
                       generate_series(1, items.count) i)
       end,
       case when measure_id = 'rapport-session-alliance-check' then
                jsonb_build_object('bond', ceil(total / 4), 'goals', round(total / 4), 'approach', floor(total / 4),
                                   'overall', total - ceil(total / 4) - round(total / 4) - floor(total / 4))
            else '{}'::jsonb end,
       total,
       total / case when measure_id = 'phq-9' then 27 else 40 end,
       case measure_id when 'rapport-session-alliance-check' then total < 30 when 'rapport-reflective-check-in' then total < 24
                       when 'core-10' then total >= 11 else total >= 10 end,
       false,
       case when through_link and measure_id <> 'rapport-reflective-check-in' then 'feedback-link' else professional_id end,
       recorded_at,
       case when through_link and measure_id <> 'rapport-reflective-check-in' then md5('link-' || id)::uuid end
from bench_response;

-- One-time links: every answered one, and unanswered ones (mostly expired, a few still open for recent sessions).
insert into feedback_link (id, token_hash, client_id, professional_id, measure_id, session_id, language, created_by,
                           created_at, expires_at, used_at, response_id)
select md5('link-' || id)::uuid, decode(md5('token-' || id) || md5('hash-' || id), 'hex'), client_id, professional_id,
       measure_id, session_id, language, professional_id, recorded_at - interval '20 hours',
       recorded_at - interval '20 hours' + interval '4 days', recorded_at, id
from bench_response where through_link and measure_id <> 'rapport-reflective-check-in'
union all
select md5('unanswered-link-' || id)::uuid, decode(md5('unanswered-token-' || id) || md5('unanswered-hash-' || id), 'hex'),
       client_id, professional_id, 'rapport-session-alliance-check', session_id, language, professional_id,
       least(now() - interval '1 hour', recorded_at + interval '7 days'),
       least(now() - interval '1 hour', recorded_at + interval '7 days') + interval '4 days', null, null
from bench_response where j % 20 = 11 and measure_id = 'rapport-session-alliance-check';

-- Rupture episodes: more where the alliance is weaker and the relationship longer.
create unlogged table bench_episode as
select p.pair_no, p.client_id, p.professional_id, p.role, p.left_on, p.start_on, p.active_until, e.k, x.n,
       md5('episode-' || p.pair_no || '-' || e.k)::uuid as id,
       (p.start_on + ((e.k - 1 + random() * 0.8) / x.n) * (p.active_until - p.start_on) * interval '1 day'
           + interval '11 hours')::timestamptz as detected_at,
       random() as r_state, random() as r_repair, random() as r_reason,
       (1 + 20 * -ln(1 - random())) * interval '1 day' as duration,
       random() * interval '4 days' as to_acknowledge,
       c.open_case
from bench_pair p
     join bench_client c using (client_id)
     cross join lateral (select floor(greatest(0, 36 - p.mean_total) * 0.12
                                      * greatest(1, p.active_until - p.start_on) / 182.0 + random())::int as n) x
     cross join lateral generate_series(1, x.n) e(k);

-- The latest episode of a current relationship is open in 45 % of cases; the rest were resolved or closed.
insert into rupture_episode (id, client_id, professional_id, state, detected_at, acknowledged_at, acknowledged_by,
                             ended_at, end_reason, resolved_by, repaired, version)
select id, client_id, professional_id, state,
       detected_at,
       case when state in ('ACKNOWLEDGED', 'REPAIR_RECORDED') or (state not in ('DETECTED') and r_repair < 0.8)
            then least(detected_at + to_acknowledge, coalesce(ended_at, now())) end,
       case when state in ('ACKNOWLEDGED', 'REPAIR_RECORDED') or (state not in ('DETECTED') and r_repair < 0.8)
            then professional_id end,
       ended_at,
       case when state = 'RESOLVED' then 'recovered' when state = 'CLOSED_UNRESOLVED' then end_reason end,
       case when state = 'RESOLVED' then md5('resolving-response-' || id)::uuid end,
       state = 'REPAIR_RECORDED' or (state = 'RESOLVED' and r_repair < 0.7) or (state = 'CLOSED_UNRESOLVED' and r_repair < 0.3),
       case when state = 'DETECTED' then 0 else 1 + floor(r_repair * 3)::int end
from (
    select e.*,
           case when still_open then case when r_state < 0.40 then 'DETECTED' when r_state < 0.70 then 'ACKNOWLEDGED'
                                          else 'REPAIR_RECORDED' end
                when r_reason < 0.65 then 'RESOLVED' else 'CLOSED_UNRESOLVED' end as state,
           case when still_open then null else least(now() - interval '1 hour', detected_at + duration) end as ended_at,
           case when not open_case then case when r_reason < 0.85 then 'planned-ending' else 'unplanned-ending' end
                when left_on is not null then 'professional-left' else 'closed-by-professional' end as end_reason
    from (select *, k = n and left_on is null and open_case and r_state < 0.45 as still_open from bench_episode) e) s;

insert into rupture_signal (id, episode_id, kind, evidence, detected_at)
select md5('signal-' || e.id || '-' || s)::uuid, e.id,
       (array['BELOW_CUT_OFF', 'BELOW_CUT_OFF', 'DROP_FROM_PREVIOUS', 'DROP_FROM_BASELINE', 'DID_NOT_ATTEND',
              'DID_NOT_ATTEND', 'LATE_CLIENT_CANCELLATION', 'LATENESS', 'UNUSUAL_GAP', 'REPEATED_CANCELLATIONS',
              'PROFESSIONAL_SHORT_NOTICE_CANCELLATION', 'PROFESSIONAL_MARKER', 'RATING_DISCREPANCY',
              'EARLY_WARNING'])[1 + floor(random() * 14)::int],
       jsonb_build_object('rule', 'as the signal recorded it', 'responseIds', jsonb_build_array(md5('signal-response-' || e.id)::uuid),
                          'sessionIds', '[]'::jsonb, 'observed', jsonb_build_object('total', 24 + s),
                          'thresholds', jsonb_build_object('cutOff', 30), 'codes', jsonb_build_object('measure', 'rapport-session-alliance-check')),
       e.detected_at + (s - 1) * interval '6 days'
from bench_episode e cross join generate_series(1, 1 + (e.k * 7 + e.pair_no) % 3) s;

insert into repair_attempt (id, episode_id, strategy, note, recorded_by, recorded_at)
select md5('repair-' || e.id || '-' || a)::uuid, e.id,
       (array['explore-together', 'acknowledge-own-part', 'clarify-rationale', 'change-task-or-goal',
              'adjust-practicalities', 'involve-team', 'other'])[1 + floor(random() * 7)::int],
       'Talked through what had happened between us and agreed what to change for the next sessions.',
       e.professional_id, coalesce(e.acknowledged_at, e.detected_at) + a * interval '2 days'
from rupture_episode e cross join generate_series(1, 2) a
where e.repaired and (a = 1 or e.version = 3);

-- bench_cm and bench_team stay for the harness, which reads the measured case managers from them and drops them.
drop table bench_episode, bench_response, bench_session, bench_weight, bench_pair, bench_client;

drop function bench_share_out(bigint);

drop function bench_normal();
