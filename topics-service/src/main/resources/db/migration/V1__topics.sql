-- 议题 topics, their yearly numbering and the timeline that shows the whole loop.
create table topic (
    id              uuid         primary key,
    number          varchar(20)  not null unique,
    title           varchar(120) not null,
    description     text         not null,
    themes          jsonb        not null default '[]',
    territory_code  varchar(20)  not null,
    level           varchar(20)  not null,
    channel         varchar(30)  not null,
    status          varchar(20)  not null,
    screening_note  varchar(2000),
    screened_at     timestamptz,
    version         bigint       not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index topic_page on topic (created_at desc, id desc);
create index topic_status_page on topic (status, created_at desc, id desc);
create index topic_territory on topic (territory_code varchar_pattern_ops);

create table topic_timeline (
    id          uuid         primary key,
    topic_id    uuid         not null references topic (id),
    at          timestamptz  not null,
    kind        varchar(30)  not null,
    summary     varchar(500) not null,
    service     varchar(40)  not null,
    ref_id      uuid,
    event_id    varchar(200) unique
);
create index topic_timeline_topic on topic_timeline (topic_id, at, id);
