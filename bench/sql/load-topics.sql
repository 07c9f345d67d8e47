-- Topics n = :from .. :to, spread like a county's: 10 % county-level, 20 % street-level, 70 % in
-- villages (9 streets × 20 villages); village 330421009099 gets one row in 10,000 and 330421009098
-- none, so a list can be timed for a territory of every size. Statuses follow a plausible mix.
insert into topic (id, number, title, description, themes, territory_code, level, channel, status,
                   screening_note, screened_at, version, created_at, updated_at, proposer, proposer_name, support_count)
select md5('topic-' || n)::uuid,
       'LD-' || lpad(n::text, 8, '0'),
       '村道路灯维修 ' || n,
       '村民反映村道路灯损坏，夜间出行不便，建议尽快维修并明确管护责任。',
       '["民生"]'::jsonb,
       t.code,
       case length(t.code) when 6 then 'COUNTY' when 9 then 'TOWNSHIP' else 'VILLAGE' end,
       'RESIDENT',
       (array['SUBMITTED','SUBMITTED','REJECTED','ACCEPTED','ACCEPTED','ACCEPTED','SCHEDULED','DELIBERATED','IN_FOLLOW_UP','IN_FOLLOW_UP'])[1 + n % 10],
       null, null, 0,
       timestamptz '2025-01-01 00:00:00+00' + n * interval '20 seconds',
       timestamptz '2025-01-01 00:00:00+00' + n * interval '20 seconds',
       'resident-' || (n % 5000),
       '村民' || (n % 5000),
       0
from generate_series(:from::bigint, :to::bigint) as n,
     lateral (select case
                 when n % 10000 = 1 then '330421009099'
                 when n % 100 < 10 then '330421'
                 when n % 100 < 30 then '330421' || lpad((1 + (n / 100) % 9)::text, 3, '0')
                 else '330421' || lpad((1 + (n / 100) % 9)::text, 3, '0') || lpad((1 + (n / 7) % 20)::text, 3, '0')
              end as code) as t;
-- Their territories in the directory (names made up), so that lists may filter by them; the
-- foreign key to the parent is checked at the end of the statement, so the order does not matter.
insert into directory_territory (code, name, kind, parent_code, version, created_at, updated_at)
select code, '基准区域 ' || code,
       case length(code) when 6 then 'COUNTY' when 9 then 'TOWNSHIP' else 'VILLAGE' end,
       case when length(code) > 6 then left(code, length(code) - 3) end, 0, now(), now()
from (select distinct territory_code as code from topic
      union select '330421' union select '330421009' union select '330421009098') c
on conflict do nothing;
analyze topic;
