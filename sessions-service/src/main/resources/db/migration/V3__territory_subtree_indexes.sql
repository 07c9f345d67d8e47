-- Lists filter a territory's subtree as an equality on the code's level prefix (Territories.within):
-- one index per level, in each list's order, so a page comes straight off an index for a territory
-- of any size.
create index consultation_session_territory6_page on consultation_session (left(territory_code, 6), created_at desc, id desc);
create index consultation_session_territory9_page on consultation_session (left(territory_code, 9), created_at desc, id desc);
create index consultation_session_territory12_page on consultation_session (left(territory_code, 12), created_at desc, id desc);
create index consultation_session_territory15_page on consultation_session (territory_code, created_at desc, id desc);
create index consultable_topic_territory6_page on consultable_topic (left(territory_code, 6), received_at desc, topic_id desc);
create index consultable_topic_territory9_page on consultable_topic (left(territory_code, 9), received_at desc, topic_id desc);
create index consultable_topic_territory12_page on consultable_topic (left(territory_code, 12), received_at desc, topic_id desc);
create index consultable_topic_territory15_page on consultable_topic (territory_code, received_at desc, topic_id desc);
