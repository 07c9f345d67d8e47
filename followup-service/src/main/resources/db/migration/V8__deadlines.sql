-- Deadlines (issue 10): due-soon and overdue notices sent once per due date, reminders (催办),
-- supervision (督办) and extension requests.
alter table handling_case
    add column due_soon_notified_for  date,
    add column overdue_notified_for   date,
    add column reminder_count         int not null default 0,
    add column last_reminded_at       timestamptz,
    add column supervised_by          varchar(200),
    add column supervisor_name        varchar(100),
    add column supervised_at          timestamptz,
    add column supervision_note       text,
    add column supervision_due_date   date;

-- The deadline watch reads only cases whose clock runs.
create index handling_case_running_deadline on handling_case (due_date)
    where status in ('ASSIGNED', 'RETURN_REQUESTED', 'SIGNED', 'IN_PROGRESS');
create index handling_case_running_supervision on handling_case (supervision_due_date)
    where status in ('ASSIGNED', 'RETURN_REQUESTED', 'SIGNED', 'IN_PROGRESS') and supervision_due_date is not null;
-- A leader's supervision list.
create index handling_case_supervisor on handling_case (supervised_by, supervised_at desc, id desc) where supervised_by is not null;

-- 延期申请: a unit asks for more time; staff approve or refuse. One pending request per case.
create table extension_request (
    id                  uuid          primary key,
    case_id             uuid          not null references handling_case (id),
    requested_by        varchar(200)  not null,
    requested_at        timestamptz   not null,
    reason              varchar(2000) not null,
    current_due_date    date,
    requested_due_date  date          not null,
    status              varchar(10)   not null,
    decided_by          varchar(200),
    decided_at          timestamptz,
    decision_note       varchar(2000)
);
create index extension_request_of_case on extension_request (case_id, requested_at);
create unique index extension_request_one_pending on extension_request (case_id) where status = 'PENDING';
