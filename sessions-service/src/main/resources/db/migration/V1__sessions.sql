-- Topics accepted in topics-service (from TopicAccepted): what may go on an agenda.
create table consultable_topic (
    topic_id        uuid         primary key,
    number          varchar(20)  not null,
    title           varchar(120) not null,
    territory_code  varchar(20)  not null,
    level           varchar(20)  not null,
    accepted_at     timestamptz  not null,
    received_at     timestamptz  not null
);
create index consultable_topic_page on consultable_topic (received_at desc, topic_id desc);

-- 协商会 sessions and their agendas.
create table consultation_session (
    id                uuid          primary key,
    title             varchar(200)  not null,
    type              varchar(30)   not null,
    mode              varchar(20)   not null,
    territory_code    varchar(20)   not null,
    starts_at         timestamptz   not null,
    venue             varchar(200),
    host              varchar(100),
    previous_round_id uuid          references consultation_session (id),
    status            varchar(20)   not null,
    cancel_reason     varchar(2000),
    version           bigint        not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index consultation_session_page on consultation_session (created_at desc, id desc);

create table agenda_item (
    id            uuid          primary key,
    session_id    uuid          not null references consultation_session (id),
    position      integer       not null,
    topic_id      uuid          not null,
    topic_number  varchar(20)   not null,
    topic_title   varchar(120)  not null,
    status        varchar(20)   not null,
    unique (session_id, position),
    unique (session_id, topic_id)
);

-- A recorded outcome is an official record: never updated; a correction is a new version.
create table outcome (
    id              uuid          primary key,
    agenda_item_id  uuid          not null references agenda_item (id),
    version         integer       not null,
    consensus       text          not null,
    decision_rule   varchar(20)   not null,
    recorded_at     timestamptz   not null,
    unique (agenda_item_id, version)
);

create table recommendation (
    id              uuid          primary key,
    outcome_id      uuid          not null references outcome (id),
    position        integer       not null,
    text            varchar(2000) not null,
    suggested_unit  varchar(100)  not null,
    due_date        date,
    unique (outcome_id, position)
);
