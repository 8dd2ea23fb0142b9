-- An occurrence of a series that was moved on its own keeps its own time when the series is retimed.
-- Rows moved before this column existed cannot tell a move on their own from a series retime, so every
-- replacement already in a series counts as moved on its own: leaving a deliberate move alone is the safe side.
alter table session add column moved_on_its_own boolean not null default false;
update session set moved_on_its_own = true where series_id is not null and rescheduled_from is not null;
