-- Audit trail (审计记录): who changed what, when, with which request. Append-only.
create table audit_entry (
    id           uuid          primary key,
    at           timestamptz   not null,
    actor        varchar(200)  not null,
    actor_name   varchar(200),
    roles        varchar(200),
    action       varchar(80)   not null,
    target_type  varchar(60)   not null,
    target_id    varchar(80)   not null,
    request_id   varchar(100),
    detail       varchar(2000)
);
create index audit_entry_page on audit_entry (at desc, id desc);
create index audit_entry_target on audit_entry (target_id);
create index audit_entry_actor on audit_entry (actor);

-- No update or delete path, not even by mistake in SQL.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
