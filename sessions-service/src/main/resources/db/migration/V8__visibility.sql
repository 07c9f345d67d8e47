-- 公开 or 内部: an internal session, its outcomes and minutes are seen only by its participants and
-- the staff of its territory. Sessions scheduled before were public.
alter table consultation_session add column visibility varchar(20) not null default 'PUBLIC';
create index participant_subject_sessions on participant (subject) include (session_id) where subject is not null;
