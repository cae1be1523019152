package it.shop.app;

import it.shop.lib.Prices;

public final class App {
    public static void main(String[] args) {
        System.out.println("shop is up, coffee costs " + Prices.format(250));
    }
}
