-- 议题附件: photos and documents attached to a topic. The row describes the file; the bytes are in
-- topic_attachment_content (the default store), written in the same transaction. The same file twice
-- on one topic is one attachment.
create table topic_attachment (
    id               uuid primary key,
    topic_id         uuid not null references topic (id),
    file_name        text not null,
    media_type       text not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes       bigint not null check (size_bytes > 0),
    sha256           varchar(64) not null check (length(sha256) = 64),
    uploaded_by      text not null,
    uploaded_by_name text,
    uploaded_at      timestamptz not null,
    unique (topic_id, sha256)
);
create index topic_attachment_by_topic on topic_attachment (topic_id, uploaded_at, id);

create table topic_attachment_content (
    attachment_id uuid primary key references topic_attachment (id),
    content       bytea not null
);
-- Already compressed (JPEG, PNG, most PDFs): do not spend CPU trying again.
alter table topic_attachment_content alter column content set storage external;
