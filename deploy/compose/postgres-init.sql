-- Each service owns its database (the role is the image's POSTGRES_USER).
create database topics;
create database sessions;
create database followup;
