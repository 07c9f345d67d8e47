-- 双联 / 五个一: what CPPCC members do on the grid service day (the 25th of each month) in the grid
-- they are linked to. One row per thing done; the month is the member's own (China time).
create table member_activity (
    id             uuid          primary key,
    member_id      uuid          not null references directory_member (id),
    month          varchar(7)    not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    kind           varchar(30)   not null,
    occurred_on    date          not null,
    grid_code      varchar(20),
    township_code  varchar(20),
    summary        varchar(1000) not null,
    quantity       int           check (quantity > 0),
    recorded_by    varchar(200)  not null,
    recorded_at    timestamptz   not null
);
create index member_activity_member_month on member_activity (member_id, month);
create index member_activity_month_township on member_activity (month, township_code);
