package dev.cruxlog.identity.adapter.out.blockingio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import dev.cruxlog.identity.domain.CommonPasswords;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped list of common passwords (identity/common-passwords.txt, ~38,000 entries),
 * read once while the application starts, on the main thread: lookups are then in memory.
 */
public class ClasspathCommonPasswords implements CommonPasswords {

    private final Set<String> passwords;

    public ClasspathCommonPasswords(String resource) {
        Set<String> loaded = new HashSet<>(64_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    loaded.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        this.passwords = Set.copyOf(loaded);
    }

    public int size() {
        return passwords.size();
    }

    @Override
    public boolean contains(String lowerCasePassword) {
        return passwords.contains(lowerCasePassword);
    }
}
