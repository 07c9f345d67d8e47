-- Who proposed a topic (from the token, never from the body) and who supports it (附议).
alter table topic add column proposer varchar(200) not null default 'unknown';
alter table topic add column proposer_name varchar(200);
alter table topic add column contact_phone varchar(30);   -- personal data: shown only to the proposer and staff
alter table topic add column support_count integer not null default 0;
alter table topic alter column proposer drop default;
create index topic_proposer on topic (proposer);

-- One support per person per topic, enforced by the key, not only by a check.
create table topic_support (
    topic_id    uuid          not null references topic (id),
    supporter   varchar(200)  not null,
    created_at  timestamptz   not null,
    primary key (topic_id, supporter)
);
