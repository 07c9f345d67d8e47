-- 办理件 cases: one per recommendation of a recorded outcome.
create table handling_case (
    id                 uuid          primary key,
    number             varchar(20)   not null unique,
    recommendation_id  uuid          not null unique,   -- a redelivered OutcomeRecorded can never open a second case
    outcome_id         uuid          not null,
    session_id         uuid          not null,
    topic_id           uuid          not null,
    topic_number       varchar(20)   not null,
    topic_title        varchar(120)  not null,
    content            varchar(2000) not null,
    lead_unit          varchar(100)  not null,
    due_date           date,
    status             varchar(20)   not null,
    signed_at          timestamptz,
    version            bigint        not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);
create index handling_case_page on handling_case (created_at desc, id desc);
create index handling_case_topic on handling_case (topic_id);
create index handling_case_unit on handling_case (lead_unit, status);
