-- 联名 co-signers: residents or members of the topic's territory the proposer invites; each confirms or declines.
create table topic_cosigner (
    topic_id     uuid          not null references topic (id),
    subject      varchar(200)  not null,
    status       varchar(20)   not null,
    name         varchar(200),              -- from the co-signer's token when they answer
    invited_at   timestamptz   not null,
    answered_at  timestamptz,
    primary key (topic_id, subject)
);
create index topic_cosigner_subject on topic_cosigner (subject);
