-- 查重 candidates: the newest topics of a territory's subtree that share a title bigram with a new
-- title, read by walking the subtree's page index newest first. Written as a function for its SET
-- clauses: when the planner underestimates a subtree (its status, time and territory conditions
-- multiplied as if independent), it reads the whole subtree by a bitmap or sequential scan and sorts
-- it (10-14 ms for a village of 3,500 topics, against 2 ms for the walk), on every submission.
-- The subtree's code length picks the index (V4's per-level indexes). The bigrams come back as one
-- space-separated string: cheaper to read than an array. The first row, with no id, carries the new
-- title's own bigrams, which the caller needs for the score.
create function similar_candidates(subtree text, statuses text[], since timestamptz, except_id uuid,
                                   title_query text, max_candidates int)
    returns table (id uuid, grams text)
    language plpgsql stable
    -- The walk, always: no bitmap or sequential scan of the whole subtree, no sort of it.
    set enable_bitmapscan = off
    set enable_seqscan = off
    set enable_sort = off
as $$
declare
    territory_filter text := case when length(subtree) >= 15 then 'territory_code = $1'
                                  else format('left(territory_code, %s) = $1', length(subtree)) end;
    -- Once, not once a row.
    wanted text[] := topic_grams(title_query);
begin
    return query select null::uuid, array_to_string(wanted, ' ');
    return query execute format($q$
        select t.id, array_to_string(t.title_grams, ' ')
        from (select c.id, c.created_at, c.title_grams from topic c
              where %s and c.status = any($2) and c.created_at >= $3 and c.id <> $4
              order by c.created_at desc, c.id desc limit $6) t
        where t.title_grams && $5
        order by t.created_at desc, t.id desc$q$, replace(territory_filter, 'territory_code', 'c.territory_code'))
        using subtree, statuses, since, except_id, wanted, max_candidates;
end
$$;
