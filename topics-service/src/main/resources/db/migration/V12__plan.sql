-- 年度协商计划: per year and territory, the accepted topics to consult on, in order, each with a
-- planned quarter and form. Approved by a leader, published by the CPPCC office; a published plan
-- changes only by a recorded amendment.
create table consultation_plan (
    id              uuid primary key,
    year            int          not null check (year between 2000 and 2100),
    territory_code  varchar(20)  not null,
    title           varchar(200) not null,
    status          varchar(20)  not null,
    version         bigint       not null,
    created_by      varchar(200) not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    approved_by     varchar(200),
    approved_at     timestamptz,
    published_at    timestamptz,
    unique (year, territory_code)
);
create index consultation_plan_page on consultation_plan (created_at desc, id desc);

create table plan_item (
    plan_id     uuid         not null references consultation_plan (id),
    topic_id    uuid         not null references topic (id),
    position    int          not null,
    quarter     smallint     check (quarter between 1 and 4),
    form        varchar(30),
    note        varchar(500),
    primary key (plan_id, topic_id)
);
create index plan_item_topic on plan_item (topic_id);

create table plan_amendment (
    id          uuid          primary key,
    plan_id     uuid          not null references consultation_plan (id),
    number      int           not null,
    reason      varchar(1000) not null,
    change      varchar(2000) not null,
    by_subject  varchar(200)  not null,
    by_name     varchar(200),
    at          timestamptz   not null,
    unique (plan_id, number)
);
