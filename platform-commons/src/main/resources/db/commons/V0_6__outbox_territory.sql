-- The division an event concerns (ce_territory), written with the event: a webhook subscription
-- filters on it without reading the publisher's tables. Null for county-wide reference data.
alter table outbox_event add column territory_code varchar(32);
