-- Local copies of compacted streams (e.g. the directory owned by topics-service): the latest
-- state-carrying event per key, and how far each partition has been read. Kept by ReferenceCopy.
create table reference_copy (
    stream      varchar(60)   not null,
    key         varchar(200)  not null,   -- the Kafka record key, e.g. territory:330421003
    event_type  varchar(80)   not null,
    version     bigint        not null,   -- an event replaces the row only with a higher version
    payload     jsonb         not null,
    updated_at  timestamptz   not null,
    primary key (stream, key)
);

create table reference_copy_offset (
    topic         varchar(200)  not null,
    partition_no  integer       not null,
    next_offset   bigint        not null,
    primary key (topic, partition_no)
);
