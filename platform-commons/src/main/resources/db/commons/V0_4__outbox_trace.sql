-- The trace context of the transaction that wrote the event (W3C traceparent and tracestate), so
-- that the relay, which publishes later on its own thread, continues that trace across Kafka.
alter table outbox_event add column traceparent varchar(55), add column tracestate varchar(512);
