package cruxlogfixtures.blocking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class PlantedJdbc {
    Connection run() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost/test");
    }
}
