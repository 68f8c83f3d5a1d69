package dev.cruxlog.logbook.adapter.in.file.blockingio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The bundled sample export, read once while the application starts (main thread), then kept in memory. */
@Component
public class SampleLogbook {

    private final byte[] content;

    SampleLogbook() {
        try (InputStream in = new ClassPathResource("logbook/sample-logbook.csv").getInputStream()) {
            this.content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The sample logbook is missing from the jar", e);
        }
    }

    public byte[] content() {
        return content.clone();
    }
}
