package dev.gantry.image;

/**
 * A user name and password for one registry (from a {@code settings.xml} server, already decrypted).
 * {@link #toString()} never shows the password.
 */
public record RegistryCredential(String username, String password) {

    @Override
    public String toString() {
        return "RegistryCredential[" + username + ", ****]";
    }
}
