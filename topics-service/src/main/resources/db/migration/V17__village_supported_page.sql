-- 最多附议 in a village: a village organizer's list sorted by supports. Without an index of its own
-- the list walked the county-wide support index and dropped every other village's rows (5,145 rows
-- and 13.6 ms for one page at a million topics); with it a page is 21 index entries (0.09 ms).
-- Streets and the county hold enough of the rows for the county-wide index to find a page soon;
-- a grid holds few enough to sort.
create index topic_territory12_supported on topic (left(territory_code, 12), support_count desc, created_at desc, id desc);
