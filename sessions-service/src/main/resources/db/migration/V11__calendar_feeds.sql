-- Personal calendar feeds (日程订阅): calendar apps send no bearer token, so each person has a feed
-- token, stored only as its SHA-256; rotating it replaces the row and the old link stops working.
create table calendar_feed (
    subject     varchar(200)  primary key,
    token_hash  varchar(64)   not null unique,
    created_at  timestamptz   not null
);
