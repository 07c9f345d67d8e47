-- 上报 / 下转: a topic sent up to a higher level or handed down to a lower one, accepted or returned
-- by the receiving level; every hop is kept. The topic notes where a pending hop goes and, once
-- accepted, the level that finally handled it.
create table topic_hop (
    id           uuid          primary key,
    topic_id     uuid          not null references topic (id),
    direction    varchar(10)   not null,
    from_code    varchar(20)   not null,
    from_level   varchar(20)   not null,
    to_code      varchar(20)   not null,
    to_level     varchar(20)   not null,
    reason       varchar(2000) not null,
    status       varchar(20)   not null,
    due_on       date          not null,
    sent_by      varchar(200)  not null,
    sent_at      timestamptz   not null,
    answered_by  varchar(200),
    answered_at  timestamptz,
    answer       varchar(2000)
);
create index topic_hop_topic on topic_hop (topic_id, sent_at);
create index topic_hop_incoming on topic_hop (status, to_code, sent_at);
alter table topic add column pending_hop_to varchar(20);
alter table topic add column handled_level varchar(20);
