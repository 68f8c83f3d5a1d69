package dev.cruxlog.identity.domain;

import java.util.List;

import dev.cruxlog.platform.InvalidInput;

/**
 * A field the climber typed breaks a rule; the message is written for them. When several fields
 * do ({@link #all}), each is kept, so a form can mark every one at once rather than one per try;
 * {@link #field()} and the message are then the first's. An {@link InvalidInput}: the
 * platform answers it for every REST controller as 400 problem+json naming the (first) field.
 */
public class InvalidAccountInput extends InvalidInput {

    private final List<InvalidAccountInput> each;

    public InvalidAccountInput(String field, String message) {
        super(field, message);
        this.each = List.of(this);
    }

    private InvalidAccountInput(List<InvalidAccountInput> each) {
        super(each.get(0).field(), each.get(0).getMessage());
        this.each = List.copyOf(each);
    }

    /** One error for every problem found; the only one when there is one. */
    public static InvalidAccountInput all(List<InvalidAccountInput> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("No problem to report");
        }
        return problems.size() == 1 ? problems.get(0) : new InvalidAccountInput(problems);
    }

    /** Every field's problem, in the order the form shows the fields. */
    public List<InvalidAccountInput> each() {
        return each;
    }
}
