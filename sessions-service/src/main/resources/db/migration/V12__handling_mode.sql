-- 办理方式 of a recommendation (issue 10): SOLE, SPLIT or JOINT; null means implied (JOINT when it
-- names co-handlers, SOLE when not).
alter table recommendation add column handling_mode varchar(10);
