package dev.cruxlog.billing.application;

/** Billing is off, or Stripe could not be reached; the message is for the climber. */
public class BillingUnavailable extends RuntimeException {

    public BillingUnavailable(String message) {
        super(message);
    }

    public BillingUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
