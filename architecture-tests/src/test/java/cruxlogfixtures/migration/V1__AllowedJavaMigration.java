package cruxlogfixtures.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Flyway Java migration in a migration package: JDBC on Flyway's connection is allowed. */
public class V1__AllowedJavaMigration extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("SELECT 1");
        }
    }
}
