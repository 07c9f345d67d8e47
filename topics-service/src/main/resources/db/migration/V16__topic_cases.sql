-- The cases of each topic, from followup-service's events (CaseOpened, CaseClosed, CaseWithdrawn):
-- when none is open and one at least was closed, the topic is CONCLUDED (issue 10).
create table topic_case (
    case_id   uuid         primary key,
    topic_id  uuid         not null,
    status    varchar(12)  not null check (status in ('OPEN', 'CLOSED', 'WITHDRAWN'))
);
create index topic_case_of_topic on topic_case (topic_id);

-- Entries written together share a time (a case closed and the topic concluded by it): the order
-- they were written in keeps the timeline in order.
alter table topic_timeline add column seq bigserial;
drop index topic_timeline_topic;
create index topic_timeline_topic on topic_timeline (topic_id, at, seq);
