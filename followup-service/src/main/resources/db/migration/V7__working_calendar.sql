-- 工作日历: the days that differ from "Monday to Friday work, Saturday and Sunday rest".
-- Deadlines in working days are counted on it; cppcc_staff maintain it through the API.
create table calendar_day (
    day         date          primary key,
    kind        varchar(10)   not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name        varchar(40)   not null,
    source      varchar(200)  not null,
    updated_by  varchar(200)  not null,
    updated_at  timestamptz   not null
);

-- 2026: the State Council General Office's notice of 2025-11-04 on the holidays of 2026, with its
-- adjusted workdays (调休上班).
insert into calendar_day (day, kind, name, source, updated_by, updated_at) values
    ('2026-01-01', 'HOLIDAY', '元旦', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-01-02', 'HOLIDAY', '元旦', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-01-03', 'HOLIDAY', '元旦', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-01-04', 'WORKDAY', '元旦调休上班', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-15', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-16', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-17', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-18', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-19', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-20', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-21', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-22', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-23', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-14', 'WORKDAY', '春节调休上班', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-02-28', 'WORKDAY', '春节调休上班', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-04-04', 'HOLIDAY', '清明节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-04-05', 'HOLIDAY', '清明节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-04-06', 'HOLIDAY', '清明节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-05-01', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-05-02', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-05-03', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-05-04', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-05-05', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-06-19', 'HOLIDAY', '端午节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-06-20', 'HOLIDAY', '端午节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-06-21', 'HOLIDAY', '端午节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-09-25', 'HOLIDAY', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-09-26', 'HOLIDAY', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-09-27', 'HOLIDAY', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-10-01', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-10-02', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-10-03', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-10-04', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-10-05', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-10-06', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-10-07', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now()),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班', '国务院办公厅关于2026年部分节假日安排的通知', 'seed', now());

-- 2027: the statutory holidays (全国年节及纪念日放假办法, as revised in 2024) on their 2027 dates. The
-- State Council's notice for 2027 adds bridging days and adjusted workdays: staff enter them through
-- PUT /api/v1/working-calendar/days/{date} when it is published (docs/followup.md).
insert into calendar_day (day, kind, name, source, updated_by, updated_at) values
    ('2027-01-01', 'HOLIDAY', '元旦', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-02-05', 'HOLIDAY', '春节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-02-06', 'HOLIDAY', '春节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-02-07', 'HOLIDAY', '春节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-02-08', 'HOLIDAY', '春节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-04-05', 'HOLIDAY', '清明节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-05-01', 'HOLIDAY', '劳动节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-05-02', 'HOLIDAY', '劳动节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-06-09', 'HOLIDAY', '端午节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-09-15', 'HOLIDAY', '中秋节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-10-01', 'HOLIDAY', '国庆节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-10-02', 'HOLIDAY', '国庆节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now()),
    ('2027-10-03', 'HOLIDAY', '国庆节', '全国年节及纪念日放假办法（法定节日；调休待国务院通知）', 'seed', now());
