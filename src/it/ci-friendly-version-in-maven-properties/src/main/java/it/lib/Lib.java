package it.lib;

public final class Lib {
    public static int one() {
        return 1;
    }
}
