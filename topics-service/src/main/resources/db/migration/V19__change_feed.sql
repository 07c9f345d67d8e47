-- The change feed of topics per territory (mobile sync): one row per topic and territory it has
-- been in, rewritten by a trigger in the transaction of every change of the topic, whoever makes it
-- (the service's moves, native updates such as supports, event handlers). A phone asks for the rows
-- of its territory after its cursor and gets each changed topic once, in its latest state.
--
-- The cursor is (txid, position), not the position alone: a transaction that took a lower position
-- may commit after one with a higher position, and a reader that had moved past it would never see
-- it. Readers only take rows of transactions older than every transaction still running
-- (txid < pg_snapshot_xmin of their snapshot); such a row can no longer appear behind the cursor.
create sequence topic_change_position;

create table topic_change (
    topic_id        uuid         not null,
    territory_code  varchar(20)  not null,
    -- UPSERT: the topic is here as the summary shows; MERGED: merged into another (tombstone);
    -- MOVED: it now belongs to another territory (received after a hop; tombstone here);
    -- DELETED: gone (tombstone).
    change          varchar(8)   not null,
    txid            bigint       not null,
    position        bigint       not null,
    primary key (topic_id, territory_code)
);
create index topic_change6_feed on topic_change (left(territory_code, 6), txid, position);
create index topic_change9_feed on topic_change (left(territory_code, 9), txid, position);
create index topic_change12_feed on topic_change (left(territory_code, 12), txid, position);
create index topic_change15_feed on topic_change (territory_code, txid, position);

create function topic_change_record() returns trigger language plpgsql as $$
declare
    tx bigint := pg_current_xact_id()::text::bigint;
begin
    if tg_op = 'DELETE' then
        update topic_change set change = 'DELETED', txid = tx, position = nextval('topic_change_position') where topic_id = old.id;
        return null;
    end if;
    -- A draft is its author's alone: it enters the feed when submitted.
    if new.status = 'DRAFT' then
        return null;
    end if;
    if tg_op = 'UPDATE' and old.territory_code <> new.territory_code then
        update topic_change set change = 'MOVED', txid = tx, position = nextval('topic_change_position')
         where topic_id = old.id and territory_code = old.territory_code;
    end if;
    insert into topic_change (topic_id, territory_code, change, txid, position)
    values (new.id, new.territory_code, case when new.status = 'MERGED' then 'MERGED' else 'UPSERT' end, tx, nextval('topic_change_position'))
    on conflict (topic_id, territory_code) do update set change = excluded.change, txid = excluded.txid, position = excluded.position;
    return null;
end $$;

create trigger topic_change_feed after insert or update or delete on topic
    for each row execute function topic_change_record();

-- What exists already enters the feed once, as of this migration.
insert into topic_change (topic_id, territory_code, change, txid, position)
select id, territory_code, case when status = 'MERGED' then 'MERGED' else 'UPSERT' end,
       pg_current_xact_id()::text::bigint, nextval('topic_change_position')
  from topic where status <> 'DRAFT'
 order by created_at, id;
