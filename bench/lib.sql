-- Benchmark helpers (loaded by bench/run.sh; not part of the extension).
-- The queries timed here are fixed strings written in the bench files.
\set ON_ERROR_STOP 1
CREATE SCHEMA IF NOT EXISTS bench;

CREATE OR REPLACE FUNCTION bench.time_ms(q text, runs int DEFAULT 3) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
    best numeric;
    t0 timestamptz;
    ms numeric;
BEGIN
    FOR i IN 1..runs LOOP
        t0 := clock_timestamp();
        EXECUTE q;
        ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
        IF best IS NULL OR ms < best THEN best := ms; END IF;
    END LOOP;
    RETURN round(best, 1);
END $$;

-- One row per mode (serial, parallel): the C query's time, the plain-SQL
-- query's time and the count(*) floor's time, and the two ratios.
CREATE OR REPLACE FUNCTION bench.compare(label text, c_query text, sql_query text, floor_query text)
RETURNS TABLE (benchmark text, mode text, c_ms numeric, sql_ms numeric, floor_ms numeric,
               speedup_vs_sql numeric, ratio_to_floor numeric)
LANGUAGE plpgsql AS $$
DECLARE
    m text;
BEGIN
    FOREACH m IN ARRAY ARRAY['serial', 'parallel'] LOOP
        IF m = 'serial' THEN
            PERFORM set_config('max_parallel_workers_per_gather', '0', true);
        ELSE
            PERFORM set_config('max_parallel_workers_per_gather', '2', true);
            PERFORM set_config('parallel_setup_cost', '0', true);
            PERFORM set_config('parallel_tuple_cost', '0', true);
            PERFORM set_config('min_parallel_table_scan_size', '0', true);
        END IF;
        benchmark := label;
        mode := m;
        c_ms := bench.time_ms(c_query);
        sql_ms := bench.time_ms(sql_query);
        floor_ms := bench.time_ms(floor_query);
        speedup_vs_sql := round(sql_ms / nullif(c_ms, 0), 2);
        ratio_to_floor := round(c_ms / nullif(floor_ms, 0), 2);
        RETURN NEXT;
    END LOOP;
END $$;
