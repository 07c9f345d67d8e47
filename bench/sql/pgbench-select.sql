-- The floor of a read: one loaded topic by primary key (ids as bench/load-topics.sh makes them).
\set n random(1, :loaded)
SELECT * FROM topic WHERE id = md5('topic-' || :n)::uuid;
