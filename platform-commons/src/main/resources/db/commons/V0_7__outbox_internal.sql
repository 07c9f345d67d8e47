-- Whether an event concerns something only its territory's staff see (an internal session): sent as
-- the ce_internal extension, so a reader outside the publisher (webhooks) passes it on to no one else.
alter table outbox_event add column internal boolean not null default false;
