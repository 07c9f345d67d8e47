-- Staff open a case by hand for the outcome of a meeting held outside the platform (issue 10):
-- such a case has no outcome, session or topic here, and says where it came from instead.
alter table handling_case
    alter column outcome_id drop not null,
    alter column session_id drop not null,
    alter column topic_id drop not null,
    alter column topic_number drop not null,
    alter column topic_title drop not null,
    add column source_note varchar(500),
    add column opened_by varchar(200);
