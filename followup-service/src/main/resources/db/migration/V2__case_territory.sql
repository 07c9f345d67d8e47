-- The territory of the session that produced the case: organizers follow their own township's cases.
alter table handling_case add column territory_code varchar(20) not null default '330421';
alter table handling_case alter column territory_code drop default;
create index handling_case_territory on handling_case (territory_code varchar_pattern_ops);
