-- Organizers see the cases of their territory's subtree, an equality on the code's level prefix
-- (Territories.within): one index per level, in list order.
drop index handling_case_territory;
create index handling_case_territory6_page on handling_case (left(territory_code, 6), created_at desc, id desc);
create index handling_case_territory9_page on handling_case (left(territory_code, 9), created_at desc, id desc);
create index handling_case_territory12_page on handling_case (left(territory_code, 12), created_at desc, id desc);
create index handling_case_territory15_page on handling_case (territory_code, created_at desc, id desc);
