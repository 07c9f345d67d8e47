-- Merged topics (合并) point to the topic that survives them.
alter table topic add column merged_into uuid references topic (id);
alter table topic add column merged_into_number varchar(20);
