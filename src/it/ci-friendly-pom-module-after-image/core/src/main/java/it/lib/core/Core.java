package it.lib.core;

public final class Core {
    public static int one() {
        return 1;
    }
}
