package dev.cruxlog.platform.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Hibernate Validator loads its message bundles from the jar the first time a constraint
 * fails, which would be on an event-loop thread during the first invalid request
 * (BlockHound caught it: {@code RandomAccessFile#readBytes}). One deliberate violation at
 * start-up, on the main thread, loads and caches them.
 */
@Component
class ValidationWarmUp implements SmartInitializingSingleton {

    private final Validator validator;

    ValidationWarmUp(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        validator.validate(new Invalid(null)).forEach(violation -> violation.getMessage());
    }

    record Invalid(@NotNull String value) {
    }
}
