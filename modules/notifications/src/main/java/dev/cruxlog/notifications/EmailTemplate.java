package dev.cruxlog.notifications;

/** Every message Cruxlog sends, with its subject. Bodies live in src/main/jte*. */
public enum EmailTemplate {

    VERIFY_EMAIL("verify-email", "Confirm your email address for Cruxlog"),
    WELCOME("welcome", "Welcome to Cruxlog: bring your logbook in"),
    CONFIRM_NEW_EMAIL("confirm-new-email", "Confirm your new email address for Cruxlog"),
    ACCOUNT_EXISTS("account-exists", "Someone tried to sign up to Cruxlog with your address"),
    PASSWORD_RESET("password-reset", "Reset your Cruxlog password"),
    PASSWORD_CHANGED("password-changed", "Your Cruxlog password was changed"),
    TWO_STEP_ON("two-step-on", "Two-step sign-in is on for your Cruxlog account"),
    TWO_STEP_OFF("two-step-off", "Two-step sign-in was turned off for your Cruxlog account"),
    RECOVERY_CODES_REPLACED("recovery-codes-replaced", "New recovery codes for your Cruxlog account"),
    ACCOUNT_DELETED("account-deleted", "Your Cruxlog account has been deleted");

    private final String templateName;
    private final String subject;

    EmailTemplate(String templateName, String subject) {
        this.templateName = templateName;
        this.subject = subject;
    }

    public String templateName() {
        return templateName;
    }

    public String subject() {
        return subject;
    }
}
