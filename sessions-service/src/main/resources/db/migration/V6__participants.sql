-- A session has an end time (double booking is an overlap of times) and a check-in code shown in
-- the hall (签到码), with which a participant checks in from their own phone.
alter table consultation_session
    add column ends_at timestamptz,
    add column check_in_code varchar(6);
update consultation_session set ends_at = starts_at + interval '2 hours',
    check_in_code = lpad(floor(random() * 1000000)::int::text, 6, '0');
alter table consultation_session
    alter column ends_at set not null,
    alter column check_in_code set not null,
    add constraint consultation_session_ends_after_start check (ends_at > starts_at);

-- 参会人员: invited from the directory (members by id, officials by unit) or by name; RSVP by the
-- person; check-in by the organizer or by the person with the hall's code.
create table participant (
    id              uuid          primary key,
    session_id      uuid          not null references consultation_session (id),
    role            varchar(40)   not null,
    name            varchar(100)  not null,
    member_id       uuid,
    unit_code       varchar(40),
    subject         varchar(200),
    affiliation     varchar(200),
    -- Who the person is across sessions (member:<id> or subject:<sub>); null when only a name is known.
    person_key      varchar(240),
    rsvp            varchar(20)   not null,
    rsvp_note       varchar(500),
    rsvp_at         timestamptz,
    checked_in_at   timestamptz,
    checked_in_by   varchar(20),
    invited_by      varchar(200)  not null,
    invited_at      timestamptz   not null,
    -- The other session the organizer knowingly double-booked this person with.
    overlap_confirmed_with uuid
);
create index participant_of_session on participant (session_id, invited_at, id);
create unique index participant_once_per_session on participant (session_id, person_key) where person_key is not null;
create index participant_person on participant (person_key) where person_key is not null;
create index participant_subject on participant (subject, session_id) where subject is not null;
