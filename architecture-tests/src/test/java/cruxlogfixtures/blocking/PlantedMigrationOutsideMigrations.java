package cruxlogfixtures.blocking;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Dresses JDBC up as a Flyway migration outside a migration package: still a violation. */
public class PlantedMigrationOutsideMigrations extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("SELECT 1");
        }
    }
}
