package dev.cruxlog.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed embedded start into the one instruction the operator needs. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set DATABASE_URL to a PostgreSQL server, for example\n\n"
                        + "    DATABASE_URL=postgresql://postgres@localhost:5432/postgres\n\n"
                        + "or start Cruxlog as a non-root user to use the embedded PostgreSQL.",
                cause);
    }
}
