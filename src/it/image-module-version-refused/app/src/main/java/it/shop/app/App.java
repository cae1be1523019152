package it.shop.app;

public final class App {
    public static void main(String[] args) {
        System.out.println("shop is up");
    }
}
