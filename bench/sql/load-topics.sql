-- Topics n = :from .. :to, spread like a county's: 10 % county-level, 20 % street-level, 70 % in
-- villages (9 streets × 20 villages); village 330421009099 gets one row in 10,000 and 330421009098
-- none, so a list can be timed for a territory of every size. Statuses follow a plausible mix.
-- Titles and descriptions come from a village vocabulary, so that search terms have the spread of
-- real ones: each of 20 subjects in 5 % of titles (蜜梨, 确权, 村道 …), 古桥 in 0.1 %, 竹编 in 0.001 %.
insert into topic (id, number, title, description, themes, territory_code, level, channel, status,
                   screening_note, screened_at, version, created_at, updated_at, proposer, proposer_name, support_count)
select md5('topic-' || n)::uuid,
       'LD-' || lpad(n::text, 8, '0'),
       case when n % 100000 = 3 then '非遗竹编技艺传承'
            when n % 1000 = 7 then '古桥修缮保护'
            else (array['村道','路灯','河道','垃圾分类','蜜梨','土地确权','居家养老','停车位','农贸市场','文化礼堂',
                        '屋顶光伏','农房翻建','污水管网','危桥','公交线路','幼儿园','卫生室','网格服务','农村电商','民宿'])[1 + h.a % 20]
                 || (array['提升改造','维修','长效管护','协商','规划','收费标准','补贴政策','销售网点','整治','奖励细则'])[1 + (h.a / 20) % 10]
       end,
       (array['村民反映夜间出行不便，建议尽快维修并明确管护责任。',
              '部分农户对面积和补偿有异议，建议召开议事会公开协商。',
              '梨农采摘季卖难，建议统一收购并对接电商平台。',
              '房前屋后垃圾乱倒，建议增加保洁员并落实门前三包。',
              '老人就餐和看病不便，建议设助餐点和巡诊。',
              '高峰期车辆乱停，建议划定车位并错时开放。',
              '评比标准不公开，建议张榜公示并听取村民意见。',
              '雨天积水严重，建议改造排水并硬化路面。'])[1 + (h.b / 50) % 8],
       (array['["民生"]','["农业"]','["生态绿色"]','["民生","高质量"]','["一体化"]'])[1 + (h.b / 10) % 5]::jsonb,
       t.code,
       case length(t.code) when 6 then 'COUNTY' when 9 then 'TOWNSHIP' else 'VILLAGE' end,
       'RESIDENT',
       (array['SUBMITTED','SUBMITTED','REJECTED','ACCEPTED','ACCEPTED','ACCEPTED','SCHEDULED','DELIBERATED','IN_FOLLOW_UP','IN_FOLLOW_UP'])[1 + h.b % 10],
       null, null, 0,
       timestamptz '2025-01-01 00:00:00+00' + n * interval '20 seconds',
       timestamptz '2025-01-01 00:00:00+00' + n * interval '20 seconds',
       'resident-' || (n % 5000),
       '村民' || (n % 5000),
       (h.b / 400) % 40
from generate_series(:from::bigint, :to::bigint) as n,
     -- Two independent hashes of n: subjects, statuses, themes and supports do not move together.
     lateral (select ('x' || substr(md5(n::text), 1, 7))::bit(28)::int as a,
                     ('x' || substr(md5(n::text), 9, 7))::bit(28)::int as b) as h,
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
