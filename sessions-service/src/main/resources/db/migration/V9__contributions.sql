-- 发言、部门回应、书面意见: what was said or handed in on an agenda item, by whom, in order.
create table contribution (
    id                uuid          primary key,
    session_id        uuid          not null references consultation_session (id),
    agenda_item_id    uuid          not null references agenda_item (id),
    participant_id    uuid          not null references participant (id),
    participant_name  varchar(100)  not null,
    unit_code         varchar(40),
    kind              varchar(30)   not null,
    sequence          int           not null,
    summary           varchar(4000) not null,
    recorded_by       varchar(200)  not null,
    recorded_at       timestamptz   not null,
    unique (agenda_item_id, sequence)
);
create index contribution_of_session on contribution (session_id, agenda_item_id, sequence);
