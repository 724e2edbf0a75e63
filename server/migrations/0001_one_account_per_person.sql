-- A member links to at most one active account (decision 0005). A database from v0.2.0 may already hold two
-- active accounts for one member: there the index is left out, so start-up does not fail, and the account actions
-- (which lock the member row and check) enforce the rule alone until the extra accounts are disabled.
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "users" WHERE member_id IS NOT NULL AND state = 'active' GROUP BY org_id, member_id HAVING count(*) > 1
  ) THEN
    CREATE UNIQUE INDEX IF NOT EXISTS "users_member_active_unique" ON "users" USING btree ("org_id","member_id") WHERE member_id is not null and state = 'active';
  END IF;
END $$;
