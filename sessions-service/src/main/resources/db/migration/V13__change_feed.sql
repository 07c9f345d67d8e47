-- The change feed of sessions per territory (mobile sync, as topics' V19): one row per session,
-- rewritten by a trigger in the transaction of every change of the session row, whoever makes it.
-- The cursor is (txid, position); readers take only rows of settled transactions (ChangeCursor).
-- A session never changes territory and is never deleted (it is cancelled): no tombstones.
create sequence session_change_position;

create table session_change (
    session_id      uuid         primary key,
    territory_code  varchar(20)  not null,
    txid            bigint       not null,
    position        bigint       not null
);
create index session_change6_feed on session_change (left(territory_code, 6), txid, position);
create index session_change9_feed on session_change (left(territory_code, 9), txid, position);
create index session_change12_feed on session_change (left(territory_code, 12), txid, position);
create index session_change15_feed on session_change (territory_code, txid, position);

create function session_change_record() returns trigger language plpgsql as $$
begin
    insert into session_change (session_id, territory_code, txid, position)
    values (new.id, new.territory_code, pg_current_xact_id()::text::bigint, nextval('session_change_position'))
    on conflict (session_id) do update set territory_code = excluded.territory_code, txid = excluded.txid, position = excluded.position;
    return null;
end $$;

create trigger session_change_feed after insert or update on consultation_session
    for each row execute function session_change_record();

-- What exists already enters the feed once, as of this migration.
insert into session_change (session_id, territory_code, txid, position)
select id, territory_code, pg_current_xact_id()::text::bigint, nextval('session_change_position')
  from consultation_session order by created_at, id;
