-- Rows of an account that does not exist are refused (issue #15): a write made with an access
-- token in the moment its account is deleted cannot leave an orphan behind. Deletion erases
-- the module's rows first (AccountErasure), in the same transaction, so the account row can go.
-- NOT VALID: rows already orphaned by the old behaviour do not stop the migration; every new
-- or changed row is checked.
ALTER TABLE route_character ADD CONSTRAINT route_character_owner_account_fk
    FOREIGN KEY (owner_id) REFERENCES identity.account (id) NOT VALID;
