package it.shop.app;

import it.shop.api.Quote;

public final class App {
    public static void main(String[] args) {
        System.out.println("shop app: " + new Quote(3).cents());
    }
}
