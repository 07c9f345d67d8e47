-- Two costs of every submission, from pg_stat_statements under the create benchmark (2.5 ms of
-- PostgreSQL time per create, half of it here):
--
-- 1. topic_grams ran three times per create (title + description and title for the two generated
--    columns, the new title for 查重) at 0.125–0.24 ms each: as a SQL function with an aggregate it
--    cannot be inlined, and every call started an executor for generate_series, a lateral subquery
--    and a sorted DISTINCT. The same steps as a PL/pgSQL loop take 0.03 ms (0.09 ms for 2,000
--    characters) and give the same arrays (distinct, sorted by the database's collation): stored
--    values stay valid, the GIN index and every caller (@>, &&) are unchanged. Its own SET
--    enable_sort: called inside similar_candidates (enable_sort off), the sort's disabled cost
--    crossed jit_above_cost and every call paid 7 ms of JIT compilation.
create or replace function topic_grams(body text) returns text[]
    language plpgsql immutable parallel safe
    set enable_sort = on
as $$
declare
    s text := lower(regexp_replace(coalesce(body, ''),
                 '[[:space:][:punct:]，。、；：？！“”‘’（）《》【】…—·「」『』〔〕［］｛｝！＂＃＄％＆＇＊＋－．／＜＝＞？＠＼＾＿｀｜～　]+', ' ', 'g'));
    pairs text[] := '{}';
    g text;
begin
    for i in 1 .. length(s) - 1 loop
        g := substr(s, i, 2);
        if position(' ' in g) = 0 then
            pairs := pairs || g;
        end if;
    end loop;
    return array(select distinct x from unnest(pairs) x order by x);
end
$$;

-- 2. similar_candidates built its query as text and ran it with EXECUTE: planned again on every
--    submission (half of the function's 1.3 ms). One static query per level instead, whose plans
--    PL/pgSQL keeps for the session; each names the expression of its level's index (V4). A key
--    that is not a division code (Territories.subtreeKey gives '-') has no subtree: no candidates.
create or replace function similar_candidates(subtree text, statuses text[], since timestamptz, except_id uuid,
                                              title_query text, max_candidates int)
    returns table (id uuid, grams text)
    language plpgsql stable
    -- The walk, always: no bitmap or sequential scan of the whole subtree, no sort of it.
    set enable_bitmapscan = off
    set enable_seqscan = off
    set enable_sort = off
as $$
declare
    -- Once, not once a row.
    wanted text[] := topic_grams(title_query);
begin
    return query select null::uuid, array_to_string(wanted, ' ');
    case length(subtree)
        when 15 then
            return query select t.id, array_to_string(t.title_grams, ' ')
                from (select c.id, c.created_at, c.title_grams from topic c
                      where c.territory_code = subtree and c.status = any(statuses) and c.created_at >= since and c.id <> except_id
                      order by c.created_at desc, c.id desc limit max_candidates) t
                where t.title_grams && wanted order by t.created_at desc, t.id desc;
        when 12 then
            return query select t.id, array_to_string(t.title_grams, ' ')
                from (select c.id, c.created_at, c.title_grams from topic c
                      where left(c.territory_code, 12) = subtree and c.status = any(statuses) and c.created_at >= since and c.id <> except_id
                      order by c.created_at desc, c.id desc limit max_candidates) t
                where t.title_grams && wanted order by t.created_at desc, t.id desc;
        when 9 then
            return query select t.id, array_to_string(t.title_grams, ' ')
                from (select c.id, c.created_at, c.title_grams from topic c
                      where left(c.territory_code, 9) = subtree and c.status = any(statuses) and c.created_at >= since and c.id <> except_id
                      order by c.created_at desc, c.id desc limit max_candidates) t
                where t.title_grams && wanted order by t.created_at desc, t.id desc;
        when 6 then
            return query select t.id, array_to_string(t.title_grams, ' ')
                from (select c.id, c.created_at, c.title_grams from topic c
                      where left(c.territory_code, 6) = subtree and c.status = any(statuses) and c.created_at >= since and c.id <> except_id
                      order by c.created_at desc, c.id desc limit max_candidates) t
                where t.title_grams && wanted order by t.created_at desc, t.id desc;
        else
            null;
    end case;
end
$$;
