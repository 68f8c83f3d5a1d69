package dev.cruxlog.logbook.adapter.out.persistence.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.cruxlog.logbook.domain.PlainText;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code notes_plain} for ticks written before it existed, with the same cleaner every
 * write now uses. A Flyway migration (the only place Cruxlog uses JDBC): it runs once, while
 * the application starts and before it serves anything, so no page ever reads a tick whose
 * served note is missing.
 */
public class V5__Fill_plain_text_notes extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT id, notes FROM logbook.tick WHERE notes IS NOT NULL AND notes_plain IS NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE logbook.tick SET notes_plain = ? WHERE id = ?")) {
            // Flyway runs this inside a transaction, so the cursor streams BATCH rows at a time.
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    update.setString(1, PlainText.of(rows.getString("notes")));
                    update.setObject(2, rows.getObject("id"));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
