-- Moves of a session asked for by the client (session.rescheduled), for the repeated-rescheduling rule. They sit with
-- the client's cancellations, since both give up a booked slot; session_start is then the original start.
alter table client_cancellation add column rescheduled boolean not null default false;
