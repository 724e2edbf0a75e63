import type pg from 'pg';

/**
 * Database-side guards of the audit trail, created (or replaced) after every migration run. Plain plpgsql
 * triggers, so they work the same in PGlite, PostgreSQL and its derivatives:
 * - events: no UPDATE, DELETE or TRUNCATE, whoever connects (the app's own account included);
 * - event_chain_heads: no DELETE, and an UPDATE may only move the head forward.
 * A restore (session_replication_role = replica) bypasses them, as it must.
 */
const guardSql = `
create or replace function events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'events are append-only: % refused', tg_op using errcode = '42501';
end;
$$;

create or replace function event_chain_heads_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'event chain heads cannot be deleted' using errcode = '42501';
  end if;
  if new.org_id <> old.org_id
     or new.last_sequence < old.last_sequence
     or (new.last_sequence = old.last_sequence and new.last_hash <> old.last_hash) then
    raise exception 'event chain heads only move forward' using errcode = '42501';
  end if;
  return new;
end;
$$;

do $$
begin
  if not exists (select 1 from pg_trigger where tgname = 'events_append_only' and tgrelid = 'events'::regclass) then
    create trigger events_append_only before update or delete on events
      for each row execute procedure events_refuse_change();
  end if;
  if not exists (select 1 from pg_trigger where tgname = 'events_no_truncate' and tgrelid = 'events'::regclass) then
    create trigger events_no_truncate before truncate on events
      for each statement execute procedure events_refuse_change();
  end if;
  if not exists (
    select 1 from pg_trigger where tgname = 'event_chain_heads_forward_only' and tgrelid = 'event_chain_heads'::regclass
  ) then
    create trigger event_chain_heads_forward_only before update or delete on event_chain_heads
      for each row execute procedure event_chain_heads_forward_only();
  end if;
end;
$$;
`;

/**
 * Installs the append-only triggers; idempotent, safe to run at every start. The table lock (a self-conflicting
 * mode) makes several nodes starting at once take turns instead of failing on "tuple concurrently updated".
 */
export async function installAppendOnlyGuards(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('lock table events in share row exclusive mode');
    await client.query(guardSql);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
