-- Plumbing tables every service has. Versions 0.x belong to platform-commons; services use 1+.

-- Transactional outbox: written in the same transaction as the state change it announces.
create table outbox_event (
    seq            bigserial    primary key,       -- publication order
    id             uuid         not null unique,   -- the CloudEvents id (ce_id)
    aggregate_type varchar(60)  not null,
    aggregate_id   varchar(80)  not null,          -- Kafka key: one aggregate's events stay in order
    event_type     varchar(80)  not null,
    topic          varchar(200) not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Wakes the relay at commit time, so events leave within milliseconds, not at the next poll.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end $$;
create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Inbox: ids of the events this service has applied, written in the transaction that applied them.
create table inbox_event (
    event_id     varchar(200) primary key,
    event_type   varchar(80)  not null,
    source       varchar(200),
    topic        varchar(200) not null,
    partition_no integer      not null,
    offset_no    bigint       not null,
    applied_at   timestamptz  not null default now()
);

-- Idempotency keys of creates: a replay returns the first response.
create table idempotency_key (
    scope          varchar(200) not null,
    key            varchar(200) not null,
    request_hash   varchar(64)  not null,
    status         integer,
    location       varchar(1000),
    etag           varchar(200),
    body           text,
    created_at     timestamptz  not null default now(),
    primary key (scope, key)
);

-- Human-readable yearly numbers (YT-2026-0042, BJ-2026-0007): one counter row per kind and year.
create table yearly_counter (
    kind  varchar(10) not null,
    year  integer     not null,
    last  integer     not null,
    primary key (kind, year)
);
