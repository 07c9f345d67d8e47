-- When each periodic job last ran, and on which replica: a replica runs a job only if no replica
-- has run it within the period (ScheduledJobs.claim), so two replicas never both run it.
create table scheduled_job (
    name        varchar(60)  primary key,
    last_run_at timestamptz  not null,
    ran_by      varchar(200) not null
);
