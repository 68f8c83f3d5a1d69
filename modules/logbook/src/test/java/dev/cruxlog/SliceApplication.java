package dev.cruxlog;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * What the logbook module's slices ({@code ModuleSliceTest}) boot from: Spring Modulith looks
 * above a slice's package for the application, and {@code CruxlogApplication} is in {@code app}.
 * Same root package and shared platform as the real one, so the module is the same module.
 */
@Modulithic(systemName = "Cruxlog", sharedModules = "platform")
@SpringBootApplication
public class SliceApplication {
}
