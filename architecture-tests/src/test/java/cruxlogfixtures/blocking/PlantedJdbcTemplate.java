package cruxlogfixtures.blocking;

import org.springframework.jdbc.core.JdbcTemplate;

public class PlantedJdbcTemplate {
    JdbcTemplate template;
}
