-- A case's lead unit by its directory code (issue 8); lead_unit keeps the name as recorded.
alter table handling_case add column lead_unit_code varchar(40);
create index handling_case_unit_page on handling_case (lead_unit_code, created_at desc, id desc);
