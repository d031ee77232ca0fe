-- Fixed-window request counters shared by every replica (RateLimiter).
create table rate_limit_window (
    limit_key    varchar(300) not null,
    window_start timestamptz  not null,
    count        bigint       not null,
    primary key (limit_key, window_start)
);
create index rate_limit_window_start on rate_limit_window (window_start);
