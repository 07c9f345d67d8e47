-- Lists filter a territory's subtree as an equality on the code's level prefix (Territories.within):
-- left(code, 6 | 9 | 12) = C, or code = C for a grid. One index per level, in list order, so a page
-- comes straight off an index for a territory of any size. The LIKE index they replace could not
-- keep the order, and a prepared statement's generic plan walked the whole page index for a small
-- village instead (53 ms at 100k topics).
drop index topic_territory;
create index topic_territory6_page on topic (left(territory_code, 6), created_at desc, id desc);
create index topic_territory9_page on topic (left(territory_code, 9), created_at desc, id desc);
create index topic_territory12_page on topic (left(territory_code, 12), created_at desc, id desc);
create index topic_territory15_page on topic (territory_code, created_at desc, id desc);
