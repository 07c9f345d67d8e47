-- The agenda is editable while the session is scheduled (议程调整): free items without a topic, a
-- planned duration and a rapporteur per item, and a topic merged away after it was put on the
-- agenda is shown as such. Positions are renumbered in one statement, so their uniqueness is
-- checked at commit.
alter table agenda_item
    alter column topic_id drop not null,
    alter column topic_number drop not null,
    add column planned_minutes int,
    add column rapporteur varchar(100),
    add column merged_into_topic_id uuid,
    add column merged_into_number varchar(20),
    add constraint agenda_item_topic_or_title check (topic_id is not null or topic_title is not null);
alter table agenda_item drop constraint agenda_item_session_id_position_key;
alter table agenda_item add constraint agenda_item_position unique (session_id, position) deferrable initially deferred;
