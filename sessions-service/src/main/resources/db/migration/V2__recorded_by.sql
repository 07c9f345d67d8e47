-- The work-manual record names who recorded the outcome (工作手册: 记录人).
alter table outcome add column recorded_by varchar(200) not null default 'unknown';
alter table outcome add column recorded_by_name varchar(200);
alter table outcome alter column recorded_by drop default;
-- Who scheduled the session.
alter table consultation_session add column created_by varchar(200) not null default 'unknown';
alter table consultation_session alter column created_by drop default;
