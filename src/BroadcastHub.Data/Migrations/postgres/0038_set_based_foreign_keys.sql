-- Six foreign keys that a plan writes hundreds of thousands of times become set-based checks, with the same effect.
-- PostgreSQL checks a declared foreign key once per inserted row (a query and a row lock each): writing the first
-- plan of a 10,000-commune province (400,000 occurrences, 800,000 rundown items) spent ~12 s of server CPU on 3.2 M
-- such checks against a few thousand distinct sessions, zones, bookings and bulletins and the chunk's own occurrences.
-- The triggers below check each insert statement (a COPY included) once: the distinct keys it wrote, each parent
-- locked FOR KEY SHARE as PostgreSQL's own check does, so a parent deleted concurrently is either waited for or found
-- missing. A key changed by an UPDATE is checked per row, only when it changes; deleting, re-keying or truncating a
-- parent that still has children is refused. Violations raise SQLSTATE 23503 (foreign_key_violation) naming the same
-- constraint as before.
-- A rundown item's occurrence was a deferrable key (the plan writer copies items before their occurrences, so that a
-- new occurrence's tally row is written once with its items counted): it is checked at commit — each insert
-- statement's distinct occurrence ids are queued as one row of bh_pending_item_occurrences, whose deferred constraint
-- trigger checks them all at once and removes the row.
CREATE FUNCTION bh_replaced_foreign_keys()
RETURNS TABLE (child text, child_column text, parent text, constraint_name text, at_commit boolean) LANGUAGE sql IMMUTABLE AS $$
    VALUES ('rundown_items', 'bulletin_id', 'bulletins', 'rundown_items_bulletin_id_fkey', false),
           ('rundown_items', 'booking_id', 'bookings', 'rundown_items_booking_id_fkey', false),
           ('rundown_items', 'relay_source_id', 'relay_sources', 'rundown_items_relay_source_id_fkey', false),
           ('rundown_items', 'occurrence_id', 'occurrences', 'rundown_items_occurrence_id_fkey', true),
           ('occurrences', 'session_id', 'sessions', 'occurrences_session_id_fkey', false),
           ('occurrences', 'zone_id', 'zones', 'occurrences_zone_id_fkey', false)
$$;

CREATE FUNCTION bh_raise_missing_parent(child text, child_column text, parent text, constraint_name text, missing bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', child, constraint_name
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = constraint_name, TABLE = child,
              DETAIL = format('Key (%s)=(%s) is not present in table "%s".', child_column, missing, parent);
END $$;

-- Statement level, after INSERT: TG_ARGV = child column, parent table, constraint name; the new rows are "added". Each
-- distinct key is one probe of the parent's primary key (the locking subquery keeps it so: as a join, the planner
-- hash-joined a scan of all 30,000 sessions for each chunk of a plan).
CREATE FUNCTION bh_parent_keys_exist() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE missing bigint;
BEGIN
    EXECUTE format(
        'WITH wanted AS MATERIALIZED (SELECT DISTINCT %1$I AS id FROM added WHERE %1$I IS NOT NULL)
         SELECT min(w.id) FROM wanted w
         WHERE NOT EXISTS (SELECT 1 FROM (SELECT p.id FROM %2$I p WHERE p.id = w.id FOR KEY SHARE OF p) held)', TG_ARGV[0], TG_ARGV[1])
    INTO missing;
    IF missing IS NOT NULL THEN
        PERFORM bh_raise_missing_parent(TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1], TG_ARGV[2], missing);
    END IF;
    RETURN NULL;
END $$;

-- The items' occurrences: each statement's distinct ids are queued for one check at commit (see the header).
CREATE TABLE bh_pending_item_occurrences (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ids BIGINT[] NOT NULL);

CREATE FUNCTION bh_item_occurrences_exist() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    INSERT INTO bh_pending_item_occurrences (ids) SELECT array_agg(DISTINCT occurrence_id) FROM added HAVING count(*) > 0;
    RETURN NULL;
END $$;

-- Deferred, once per queued row: every queued id must now be an occurrence. One this transaction inserted cannot be
-- deleted by another before the commit, so only the others are locked.
CREATE FUNCTION bh_pending_item_occurrences_exist() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE missing bigint;
BEGIN
    EXECUTE 'SELECT min(m.id) FROM unnest($1) m(id)
             WHERE NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.id = m.id AND o.xmin = pg_current_xact_id()::xid)
               AND NOT EXISTS (SELECT 1 FROM (SELECT o.id FROM occurrences o WHERE o.id = m.id FOR KEY SHARE OF o) held)'
    INTO missing USING NEW.ids;
    DELETE FROM bh_pending_item_occurrences WHERE id = NEW.id;
    IF missing IS NOT NULL THEN
        PERFORM bh_raise_missing_parent('rundown_items', 'occurrence_id', 'occurrences', 'rundown_items_occurrence_id_fkey', missing);
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER bh_pending_item_occurrences_checked AFTER INSERT ON bh_pending_item_occurrences
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bh_pending_item_occurrences_exist();

-- Row level, after an UPDATE that changed the key (the trigger's WHEN): the same check for one row.
CREATE FUNCTION bh_parent_key_exists() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE key bigint; held bigint;
BEGIN
    EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) INTO key USING NEW;
    IF key IS NULL THEN RETURN NULL; END IF;
    EXECUTE format('SELECT p.id FROM %I p WHERE p.id = $1 FOR KEY SHARE OF p', TG_ARGV[1]) INTO held USING key;
    IF held IS NULL THEN
        PERFORM bh_raise_missing_parent(TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1], TG_ARGV[2], key);
    END IF;
    RETURN NULL;
END $$;

-- Row level, after DELETE or UPDATE OF id on a parent: TG_ARGV = child table, child column, constraint name.
CREATE FUNCTION bh_parent_key_unused() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE used boolean;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.id = NEW.id THEN RETURN NULL; END IF;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I c WHERE c.%I = $1)', TG_ARGV[0], TG_ARGV[1]) INTO used USING OLD.id;
    IF used THEN
        RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"', TG_TABLE_NAME, TG_ARGV[2], TG_ARGV[0]
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[2], TABLE = TG_TABLE_NAME,
                  DETAIL = format('Key (id)=(%s) is still referenced from table "%s".', OLD.id, TG_ARGV[0]);
    END IF;
    RETURN NULL;
END $$;

-- Statement level, before TRUNCATE of a parent: refused while the child has rows (a declared key refused it always).
CREATE FUNCTION bh_parent_truncate_refused() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE used boolean;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', TG_ARGV[0]) INTO used;
    IF used THEN
        RAISE EXCEPTION 'cannot truncate table "%": table "%" references it (constraint "%")', TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1]
            USING ERRCODE = 'feature_not_supported';
    END IF;
    RETURN NULL;
END $$;

-- Every replaced key of every stored row, checked at once (after this migration, and after migrate-to-postgres, which
-- copies with user triggers disabled).
CREATE FUNCTION bh_check_replaced_foreign_keys() RETURNS void LANGUAGE plpgsql AS $$
DECLARE k record; missing bigint;
BEGIN
    FOR k IN SELECT * FROM bh_replaced_foreign_keys() LOOP
        EXECUTE format('SELECT min(c.%1$I) FROM %2$I c WHERE c.%1$I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %3$I p WHERE p.id = c.%1$I)',
                       k.child_column, k.child, k.parent) INTO missing;
        IF missing IS NOT NULL THEN
            PERFORM bh_raise_missing_parent(k.child, k.child_column, k.parent, k.constraint_name, missing);
        END IF;
    END LOOP;
END $$;

DO $$
DECLARE k record;
BEGIN
    FOR k IN SELECT * FROM bh_replaced_foreign_keys() LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', k.child, k.constraint_name);
        IF k.at_commit THEN
            EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS added FOR EACH STATEMENT
                            EXECUTE FUNCTION bh_item_occurrences_exist()', k.constraint_name || '_inserted', k.child);
        ELSE
            EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS added FOR EACH STATEMENT
                            EXECUTE FUNCTION bh_parent_keys_exist(%L, %L, %L)',
                           k.constraint_name || '_inserted', k.child, k.child_column, k.parent, k.constraint_name);
        END IF;
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE OF %I ON %I FOR EACH ROW WHEN (OLD.%I IS DISTINCT FROM NEW.%I)
                        EXECUTE FUNCTION bh_parent_key_exists(%L, %L, %L)',
                       k.constraint_name || '_updated', k.child_column, k.child, k.child_column, k.child_column,
                       k.child_column, k.parent, k.constraint_name);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE OR UPDATE OF id ON %I FOR EACH ROW
                        EXECUTE FUNCTION bh_parent_key_unused(%L, %L, %L)',
                       k.constraint_name || '_parent', k.parent, k.child, k.child_column, k.constraint_name);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bh_parent_truncate_refused(%L, %L)',
                       k.constraint_name || '_truncate', k.parent, k.child, k.constraint_name);
    END LOOP;
END $$;

SELECT bh_check_replaced_foreign_keys();
