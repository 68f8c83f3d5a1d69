package dev.cruxlog.identity.domain;

import java.util.List;

/**
 * A field the climber typed breaks a rule; the message is written for them. When several fields
 * do ({@link #all}), each is kept, so a form can mark every one at once rather than one per try;
 * {@link #field()} and the message are then the first's.
 */
public class InvalidAccountInput extends RuntimeException {

    private final String field;
    private final List<InvalidAccountInput> each;

    public InvalidAccountInput(String field, String message) {
        super(message);
        this.field = field;
        this.each = List.of(this);
    }

    private InvalidAccountInput(List<InvalidAccountInput> each) {
        super(each.get(0).getMessage());
        this.field = each.get(0).field();
        this.each = List.copyOf(each);
    }

    /** One error for every problem found; the only one when there is one. */
    public static InvalidAccountInput all(List<InvalidAccountInput> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("No problem to report");
        }
        return problems.size() == 1 ? problems.get(0) : new InvalidAccountInput(problems);
    }

    public String field() {
        return field;
    }

    /** Every field's problem, in the order the form shows the fields. */
    public List<InvalidAccountInput> each() {
        return each;
    }
}
