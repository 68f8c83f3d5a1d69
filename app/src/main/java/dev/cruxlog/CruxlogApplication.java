package dev.cruxlog;

import dev.cruxlog.platform.web.EventLoops;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Cruxlog: every direct sub-package of {@code dev.cruxlog} is an application module
 * (platform, web, and the domain modules), each a hexagon with reactive ports.
 */
@Modulithic(systemName = "Cruxlog", sharedModules = "platform")
@SpringBootApplication
public class CruxlogApplication {

    public static void main(String[] args) {
        EventLoops.onePerCore();
        SpringApplication.run(CruxlogApplication.class, args);
    }
}
