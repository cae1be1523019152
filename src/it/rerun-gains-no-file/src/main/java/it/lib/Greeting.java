package it.lib;

public final class Greeting {
    public static String hello() {
        return "hello";
    }
}
