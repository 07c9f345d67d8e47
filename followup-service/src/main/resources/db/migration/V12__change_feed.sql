-- The change feed of cases per territory (mobile sync, as topics' V19): one row per case, rewritten
-- by a trigger in the transaction of every change of the case row, whoever makes it (a clerk's move,
-- the deadline watch, an outcome's correction). The cursor is (txid, position); readers take only
-- rows of settled transactions (ChangeCursor). A case keeps its territory and is never deleted
-- (it is withdrawn): no tombstones.
create sequence case_change_position;

create table case_change (
    case_id         uuid         primary key,
    territory_code  varchar(20)  not null,
    txid            bigint       not null,
    position        bigint       not null
);
create index case_change6_feed on case_change (left(territory_code, 6), txid, position);
create index case_change9_feed on case_change (left(territory_code, 9), txid, position);
create index case_change12_feed on case_change (left(territory_code, 12), txid, position);
create index case_change15_feed on case_change (territory_code, txid, position);

create function case_change_record() returns trigger language plpgsql as $$
begin
    insert into case_change (case_id, territory_code, txid, position)
    values (new.id, new.territory_code, pg_current_xact_id()::text::bigint, nextval('case_change_position'))
    on conflict (case_id) do update set territory_code = excluded.territory_code, txid = excluded.txid, position = excluded.position;
    return null;
end $$;

create trigger case_change_feed after insert or update on handling_case
    for each row execute function case_change_record();

insert into case_change (case_id, territory_code, txid, position)
select id, territory_code, pg_current_xact_id()::text::bigint, nextval('case_change_position')
  from handling_case order by created_at, id;
