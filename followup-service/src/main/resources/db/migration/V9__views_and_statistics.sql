-- Role views and statistics (issue 10): the deadline in force as a column (lists filter on it), and
-- the first reply with whether it came in time (on-time rate, working days to reply).
alter table handling_case
    add column deadline          date,
    add column first_replied_at  timestamptz,
    add column replied_on_time   boolean;
update handling_case set deadline = case
    when supervision_due_date is not null and (due_date is null or supervision_due_date < due_date) then supervision_due_date
    else due_date end;
update handling_case set first_replied_at = replied_at where replied_at is not null;

-- A unit's inbox and staff's lists by deadline: running cases by unit and deadline.
create index handling_case_unit_deadline on handling_case (lead_unit_code, deadline)
    where status in ('ASSIGNED', 'RETURN_REQUESTED', 'SIGNED', 'IN_PROGRESS');
-- Statistics read a year of a territory's cases.
create index handling_case_created on handling_case (created_at);
