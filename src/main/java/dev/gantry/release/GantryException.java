package dev.gantry.release;

/**
 * The one checked exception of Gantry's core and adapters. Its message is written for the person
 * reading the CI log: what happened, what was expected, what to do. The mojos convert it once,
 * at the top, into a {@code MojoFailureException}.
 */
public class GantryException extends Exception {

    public GantryException(String message) {
        super(message);
    }

    public GantryException(String message, Throwable cause) {
        super(message, cause);
    }
}
