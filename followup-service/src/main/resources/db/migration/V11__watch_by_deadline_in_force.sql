-- The deadline watch reads running cases by the deadline in force (the stored `deadline`), not by
-- due date and supervision date apart.
drop index handling_case_running_deadline;
drop index handling_case_running_supervision;
create index handling_case_running_deadline on handling_case (deadline, id)
    where status in ('ASSIGNED', 'RETURN_REQUESTED', 'SIGNED', 'IN_PROGRESS');
