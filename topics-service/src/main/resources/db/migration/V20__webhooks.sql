-- Webhooks (事件推送): an integration's subscriptions and the deliveries made to them (issue 13).
create table webhook_subscription (
    id uuid primary key,
    owner varchar(200) not null,           -- the integration client (token sub) that made it
    description varchar(200),
    callback_url varchar(2000) not null,
    secret varchar(100) not null,          -- HMAC key, shown once; needed in clear to sign
    event_types jsonb not null,            -- the CloudEvents types it wants
    territory_code varchar(32) not null,   -- events of this territory and below
    active boolean not null default true,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null default 0
);
create index webhook_subscription_owner on webhook_subscription (owner, created_at desc, id);

-- One row per (subscription, event): the unique key makes a redelivered Kafka event a no-op.
create table webhook_delivery (
    id uuid primary key,
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    event_id varchar(200) not null,
    event_type varchar(100) not null,
    event_time timestamptz not null,
    body text not null,                    -- the CloudEvent (structured JSON) exactly as sent and signed
    status varchar(16) not null,           -- PENDING, DELIVERED, PARKED
    attempts int not null default 0,
    next_attempt_at timestamptz,           -- PENDING: when it is due (also the lease while in flight)
    last_attempt_at timestamptz,
    last_status_code int,
    last_error varchar(500),
    delivered_at timestamptz,
    parked_reason varchar(200),
    retry_from timestamptz not null,       -- retries stop a retry period after this (first try, or the last replay)
    created_at timestamptz not null,
    unique (subscription_id, event_id)
);
-- The dispatcher's scan: due deliveries of one subscription, oldest first.
create index webhook_delivery_due on webhook_delivery (subscription_id, next_attempt_at) where status = 'PENDING';
-- The delivery log, newest first.
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc, id);
