-- A correction of the outcome (OutcomeCorrected) changes or withdraws the cases it concerns; the
-- case keeps the outcome version it carries and, when withdrawn, why.
alter table handling_case
    add column outcome_version int not null default 1,
    add column withdrawn_reason text;

-- 办理记录: every step of a case, in order: what happened and why, with the event or person behind it.
create table case_history (
    id        uuid          primary key,
    case_id   uuid          not null references handling_case (id),
    at        timestamptz   not null,
    kind      varchar(30)   not null,
    summary   varchar(2000) not null,
    actor     varchar(200)  not null,
    ref_id    uuid
);
create index case_history_of_case on case_history (case_id, at, id);
