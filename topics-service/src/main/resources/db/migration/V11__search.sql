-- 中文检索与查重: Chinese has no spaces between words, and the database's C locale gives pg_trgm no
-- letters to work with in CJK text, so a topic is indexed by its character bigrams (every two
-- neighbouring characters; ASCII lower-cased; spaces and punctuation split). A query of two or more
-- characters matches a topic holding all of the query's bigrams: 蜜梨 finds 建蜜梨销售网点. The
-- same bigrams of titles score similar topics (Dice coefficient). See docs/decisions/0007-chinese-search.md.
create function topic_grams(body text) returns text[]
    language sql immutable parallel safe
as $$
    select coalesce(array_agg(distinct g order by g), '{}')
    from (select lower(regexp_replace(coalesce(body, ''),
                 '[[:space:][:punct:]，。、；：？！“”‘’（）《》【】…—·「」『』〔〕［］｛｝！＂＃＄％＆＇＊＋－．／＜＝＞？＠＼＾＿｀｜～　]+', ' ', 'g')) as s) x,
         generate_series(1, length(s) - 1) as i,
         lateral (select substr(s, i, 2) as g) y
    where position(' ' in g) = 0
$$;

-- True when the topic's text holds every bigram of the query. Written as a plain SQL function so
-- that HQL can call it; PostgreSQL inlines it, so the GIN index below still serves it.
create function topic_matches(grams text[], query text) returns boolean
    language sql immutable parallel safe
as $$ select grams @> topic_grams(query) $$;

-- True when the topic carries the theme; inlined like topic_matches, for the jsonb index.
create function topic_has_theme(themes jsonb, theme text) returns boolean
    language sql immutable parallel safe
as $$ select themes ? theme $$;

alter table topic
    add column search_grams text[] generated always as (topic_grams(title || ' ' || description)) stored,
    add column title_grams text[] generated always as (topic_grams(title)) stored;
create index topic_search on topic using gin (search_grams);
create index topic_themes on topic using gin (themes);
-- Most supported first, for lists sorted that way (ties newest first).
create index topic_supported_page on topic (support_count desc, created_at desc, id desc);
