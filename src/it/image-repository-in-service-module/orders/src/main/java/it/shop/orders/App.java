package it.shop.orders;

import it.shop.lib.Prices;

public final class App {

    public static void main(String[] args) {
        System.out.println("orders " + Prices.format(1250));
    }
}
