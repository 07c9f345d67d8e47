-- 名录 the directory: territories, units (承办单位), CPPCC members (委员) and service teams (界别服务组).
-- Nothing here is ever deleted (topics, sessions and cases refer to it): an entry is retired.
create table directory_territory (
    code         varchar(20)  primary key,
    name         varchar(100) not null,
    kind         varchar(20)  not null,
    parent_code  varchar(20)  references directory_territory (code),
    members      jsonb        not null default '[]',   -- a cross-region entry: the division codes it joins
    retired_at   timestamptz,
    version      bigint       not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create index directory_territory_children on directory_territory (parent_code, code);

create table directory_unit (
    code            varchar(40)  primary key,
    name            varchar(100) not null,
    territory_code  varchar(20)  not null references directory_territory (code),
    retired_at      timestamptz,
    version         bigint       not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

create table directory_member (
    id          uuid          primary key,
    name        varchar(100)  not null,
    sector      varchar(60)   not null,
    grid_code   varchar(20)   references directory_territory (code),
    phone       varchar(30),   -- personal data: shown as a proposer's phone is
    subject     varchar(200)  unique,   -- the member's login (token subject), when they have one
    retired_at  timestamptz,
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index directory_member_page on directory_member (name, id);
create index directory_member_grid on directory_member (grid_code);

create table directory_service_team (
    id             uuid          primary key,
    name           varchar(100)  not null,
    sector         varchar(60)   not null,
    township_code  varchar(20)   not null references directory_territory (code),
    retired_at     timestamptz,
    version        bigint        not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null
);
create index directory_service_team_page on directory_service_team (name, id);
