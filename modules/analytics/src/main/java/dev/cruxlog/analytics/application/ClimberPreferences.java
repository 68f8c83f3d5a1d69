package dev.cruxlog.analytics.application;

import java.util.Map;
import java.util.UUID;

import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.logbook.SendCounting;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The climber's settings that change what analytics answer, read once per answer: the grade
 * systems levels are named in, and which clean ascents count as sends. A climber who has not
 * chosen gets the defaults (YDS and V; leads and boulders only).
 */
@Component
public class ClimberPreferences {

    /** @param gradeSystems preferred system per family ("route", "boulder"), as identity stores it */
    public record Preferences(Map<String, String> gradeSystems, SendCounting counting) {

        static final Preferences DEFAULTS = new Preferences(Map.of(), SendCounting.LEADS_AND_BOULDERS);
    }

    private final Accounts accounts;

    ClimberPreferences(Accounts accounts) {
        this.accounts = accounts;
    }

    public Mono<Preferences> of(UUID owner) {
        return accounts.settings(owner).map(ClimberPreferences::of).defaultIfEmpty(Preferences.DEFAULTS);
    }

    /** The preferences of settings read already. */
    public static Preferences of(ClimberSettings settings) {
        return new Preferences(settings.gradeSystems(), SendCounting.of(settings.countTopRopesAndFollowsAsSends()));
    }

    public Mono<SendCounting> counting(UUID owner) {
        return of(owner).map(Preferences::counting);
    }
}
