-- Drafts (no number until submitted), proxy intake (who filed it for the proposer), anonymity
-- towards other residents, and the screening queue (flagged topics first, then the oldest).
alter table topic alter column number drop not null;
alter table topic add column filed_by varchar(200);
alter table topic add column anonymous boolean not null default false;
alter table topic add column flagged_at timestamptz;
alter table topic add column queue_at timestamptz;
update topic set queue_at = created_at;
-- A row written without a queue position (loaders, older code) queues by its creation time.
create function topic_queue_at_default() returns trigger language plpgsql as $$
begin
    if new.queue_at is null then new.queue_at := new.created_at; end if;
    return new;
end $$;
create trigger topic_queue_at_default before insert on topic for each row execute function topic_queue_at_default();
alter table topic alter column queue_at set not null;
create index topic_filed_by on topic (filed_by) where filed_by is not null;
create index topic_screening_queue on topic (territory_code, queue_at, id) where status = 'SUBMITTED';
