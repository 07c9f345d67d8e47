-- The sessions a topic is on (from SessionScheduled / SessionCancelled): a topic goes back to
-- ACCEPTED only when the last session it was on is cancelled.
create table topic_schedule (
    topic_id   uuid not null,
    session_id uuid not null,
    primary key (topic_id, session_id)
);
