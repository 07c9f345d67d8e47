-- The floor of a create: the topic row and its outbox row in one transaction, as topics-service
-- writes them (the outbox trigger's NOTIFY included), with nothing in between.
\set r random(1, 999999999999)
BEGIN;
INSERT INTO topic (id, number, title, description, themes, territory_code, level, channel, status, version,
                   created_at, updated_at, proposer, proposer_name, support_count)
VALUES (gen_random_uuid(), 'PB-' || :r, '基准议题 ' || :r, '村民反映村道路灯损坏，夜间出行不便，建议尽快维修并明确管护责任。',
        '["民生"]', '330421003201', 'VILLAGE', 'RESIDENT', 'SUBMITTED', 0, now(), now(), 'resident-1', '村民', 0);
INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at)
VALUES (gen_random_uuid(), 'Topic', 'PB-' || :r, 'TopicSubmitted', 'bench.topics',
        '{"number": "PB", "title": "基准议题", "territoryCode": "330421003201", "level": "VILLAGE"}', now());
END;
