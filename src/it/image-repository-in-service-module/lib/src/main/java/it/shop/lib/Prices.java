package it.shop.lib;

public final class Prices {

    private Prices() {
    }

    public static String format(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
