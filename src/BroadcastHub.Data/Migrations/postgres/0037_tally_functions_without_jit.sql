-- The tally's trigger functions (migrations 0034, 0036) turn sequential scans off so that they reach rows by key even
-- before the statistics exist. That makes every plan inside them — and inside the change-counter trigger their UPDATE
-- fires — cost 10^10, far above jit_above_cost: on a connection where JIT is on (the server's default; the hub's own
-- connections turn it off, an operator's psql or a restore do not) each such statement was compiled by LLVM first,
-- 15–70 ms for a one-row write (a single-row airtime insert ~30 ms instead of ~0.3). Each of these functions now runs
-- with JIT off, whoever calls it.
DO $$
DECLARE f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND p.proconfig::text LIKE '%enable_seqscan=off%'
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET jit = off', f);
    END LOOP;
END $$;
