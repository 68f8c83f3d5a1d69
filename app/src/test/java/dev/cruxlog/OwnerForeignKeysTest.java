package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * Issue #15, point 9: no module table can hold rows of an account that does not exist. Found
 * from the schema itself, so a new owner table without the key fails here. Views (the ticks
 * page's {@code logbook.tick_page_item}) are left out: they hold no rows of their own.
 */
@CruxlogIntegrationTest
class OwnerForeignKeysTest {

    @Autowired
    DatabaseClient db;

    @Test
    void everyOwnerColumnRefersToAnAccount() {
        List<String> withoutKey = db.sql("""
                        SELECT c.table_schema || '.' || c.table_name AS owner_table
                        FROM information_schema.columns c
                        WHERE c.column_name = 'owner_id'
                          AND c.table_schema NOT IN ('pg_catalog', 'information_schema', 'bench')
                          AND EXISTS (SELECT 1 FROM information_schema.tables t
                                      WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name
                                        AND t.table_type = 'BASE TABLE')
                          AND NOT EXISTS (
                              SELECT 1 FROM pg_constraint k
                              JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                              WHERE k.contype = 'f' AND k.confrelid = 'identity.account'::regclass
                                AND k.conrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass
                                AND a.attname = 'owner_id')
                        ORDER BY 1""")
                .map(row -> row.get("owner_table", String.class)).all().collectList().block(Duration.ofSeconds(10));
        assertThat(withoutKey).isEmpty();
        long ownerTables = db.sql("SELECT count(*) FROM information_schema.tables t JOIN information_schema.columns c "
                        + "USING (table_schema, table_name) WHERE c.column_name = 'owner_id' AND t.table_type = 'BASE TABLE' "
                        + "AND table_schema NOT IN ('pg_catalog', 'information_schema', 'bench')")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
        assertThat(ownerTables).as("owner tables found").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aRowForAnAccountThatDoesNotExistIsRefused() {
        StepVerifier.create(db.sql("INSERT INTO coach.conversation (id, owner_id, title) VALUES (:id, :owner, 'orphan')")
                        .bind("id", UUID.randomUUID()).bind("owner", UUID.randomUUID()).then())
                .expectError(DataIntegrityViolationException.class)
                .verify(Duration.ofSeconds(10));
    }
}
