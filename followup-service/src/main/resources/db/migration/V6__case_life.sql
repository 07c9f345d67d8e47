-- The whole life of a case (issue 10): return requests, progress, reply and its review, evaluation,
-- redo and closing; co-handlers' parts; who evaluates.
alter table handling_case
    add column handling_mode      varchar(10) not null default 'SOLE',
    add column working_days       int,
    add column return_reason      text,
    add column progress_percent   int not null default 0,
    add column reply              text,
    add column resolution_degree  varchar(1),
    add column replied_at         timestamptz,
    add column replied_by         varchar(200),
    add column sent_back_reason   text,
    add column approved_at        timestamptz,
    add column redo_count         int not null default 0,
    add column satisfaction       varchar(30),
    add column closed_at          timestamptz,
    add column closing_note       text;

-- 协办部分: a co-handling unit's share of a case.
create table case_part (
    id                 uuid          primary key,
    case_id            uuid          not null references handling_case (id),
    unit_code          varchar(40)   not null,
    unit_name          varchar(100)  not null,
    status             varchar(20)   not null,
    signed_at          timestamptz,
    reported_at        timestamptz,
    reported_by        varchar(200),
    report             text,
    resolution_degree  varchar(1),
    unique (case_id, unit_code)
);
-- A co-handler's inbox: the cases it shares.
create index case_part_unit on case_part (unit_code, case_id);

-- 办理进展 and the metadata of their evidence.
create table progress_report (
    id           uuid          primary key,
    case_id      uuid          not null references handling_case (id),
    unit_code    varchar(40)   not null,
    percent      int           not null,
    text         varchar(4000) not null,
    reported_by  varchar(200)  not null,
    reported_at  timestamptz   not null
);
create index progress_report_of_case on progress_report (case_id, reported_at, id);
create table progress_evidence (
    report_id     uuid          not null references progress_report (id),
    position      int           not null,
    name          varchar(200)  not null,
    content_type  varchar(100),
    size_bytes    bigint,
    sha256        varchar(64),
    uri           varchar(1000),
    primary key (report_id, position)
);

-- 评价: one per person and round.
create table evaluation (
    id            uuid          primary key,
    case_id       uuid          not null references handling_case (id),
    round         int           not null,
    subject       varchar(200)  not null,
    role          varchar(20)   not null,
    attitude      varchar(30)   not null,
    result        varchar(30)   not null,
    comment       varchar(2000),
    evaluated_at  timestamptz   not null,
    unique (case_id, round, subject)
);

-- Who evaluates: the topic's proposer and co-signers (TopicAccepted), the participants present (OutcomeRecorded).
create table topic_party (
    id        uuid          primary key,
    topic_id  uuid          not null,
    subject   varchar(200)  not null,
    role      varchar(20)   not null,
    unique (topic_id, subject)
);
create index topic_party_subject on topic_party (subject, topic_id);
create table session_participant (
    id          uuid          primary key,
    session_id  uuid          not null,
    subject     varchar(200)  not null,
    unique (session_id, subject)
);
create index session_participant_subject on session_participant (subject, session_id);

-- Several steps of one move share a time (an evaluation and the close it causes): the order they
-- were written in keeps the history in order.
alter table case_history add column seq bigserial;
drop index case_history_of_case;
create index case_history_of_case on case_history (case_id, at, seq);
