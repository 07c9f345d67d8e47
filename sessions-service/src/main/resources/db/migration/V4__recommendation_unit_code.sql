-- Units are referred to by their directory code (issue 8); the name is kept as it was when recorded.
alter table recommendation add column unit_code varchar(40);
