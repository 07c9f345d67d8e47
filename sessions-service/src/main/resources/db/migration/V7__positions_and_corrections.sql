-- Recommendations keep a stable id across the versions of an outcome (a correction says which it
-- changed, added or withdrew, and follow-up finds its case by it); the row id stays the key.
alter table recommendation
    add column recommendation_id uuid,
    add column co_handler_codes varchar(400),
    add column working_days int;
update recommendation set recommendation_id = id;
alter table recommendation alter column recommendation_id set not null;
create unique index recommendation_stable on recommendation (outcome_id, recommendation_id);

-- The decision rule as stated and whether it was met (null: nobody's position was taken, nothing
-- counted), how many were present, and for a correction (version > 1) why it was made.
alter table outcome
    add column majority_threshold double precision,
    add column decision_met boolean,
    add column present_count int not null default 0,
    add column correction_reason text;

-- 表态: a present participant's position on an agenda item, until the outcome is recorded.
create table position (
    id              uuid          primary key,
    agenda_item_id  uuid          not null references agenda_item (id),
    participant_id  uuid          not null references participant (id),
    stance          varchar(30)   not null,
    note            varchar(1000),
    recorded_by     varchar(200)  not null,
    on_behalf       boolean       not null,
    recorded_at     timestamptz   not null,
    unique (agenda_item_id, participant_id)
);

-- The positions an outcome version was recorded with: part of the official record.
create table outcome_position (
    id                uuid          primary key,
    outcome_id        uuid          not null references outcome (id),
    participant_id    uuid          not null,
    participant_name  varchar(100)  not null,
    participant_role  varchar(40)   not null,
    stance            varchar(30)   not null,
    note              varchar(1000),
    on_behalf         boolean       not null,
    recorded_by       varchar(200)  not null,
    recorded_at       timestamptz   not null,
    unique (outcome_id, participant_id)
);
