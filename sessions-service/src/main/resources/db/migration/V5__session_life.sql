-- The session's whole life (issue 9): opened, postponed and rescheduled, concluded. A session that
-- was HELD (every item had an outcome) is CONCLUDED in the new machine.
alter table consultation_session
    add column started_at timestamptz,
    add column concluded_at timestamptz,
    add column postponed_reason text,
    add column reschedule_count int not null default 0;
update consultation_session set status = 'CONCLUDED', concluded_at = updated_at where status = 'HELD';
-- An outcome recorded after the session concluded (补录) says so.
alter table outcome add column late boolean not null default false;
